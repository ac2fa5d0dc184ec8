package cn.banshi.reports.document;

import java.util.List;

/** Places spanning cells on a grid the way HTML tables do: each cell takes the next free column of its row. */
final class TableGrid {
    record Slot(Doc.Cell cell, int firstRow, int firstColumn) {}

    private final Slot[][] slots;

    private TableGrid(Slot[][] slots) {
        this.slots = slots;
    }

    static TableGrid layout(List<List<Doc.Cell>> rows, int columns) {
        Slot[][] slots = new Slot[rows.size()][columns];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Doc.Cell cell : rows.get(r)) {
                while (c < columns && slots[r][c] != null) c++;
                if (c + cell.colSpan() > columns || r + cell.rowSpan() > rows.size()) {
                    throw new IllegalArgumentException("table cell outside the grid at row " + r + ": " + cell.text());
                }
                Slot slot = new Slot(cell, r, c);
                for (int rr = r; rr < r + cell.rowSpan(); rr++) {
                    for (int cc = c; cc < c + cell.colSpan(); cc++) {
                        if (slots[rr][cc] != null)
                            throw new IllegalArgumentException("overlapping cells at " + rr + "," + cc);
                        slots[rr][cc] = slot;
                    }
                }
                c += cell.colSpan();
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                if (slots[r][c] == null)
                    throw new IllegalArgumentException("table row " + r + " leaves column " + c + " empty");
            }
        }
        return new TableGrid(slots);
    }

    Slot slot(int row, int column) {
        return slots[row][column];
    }
}
