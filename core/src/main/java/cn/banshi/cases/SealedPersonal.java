package cn.banshi.cases;

import java.util.Arrays;

/**
 * A case's {@code personal} attribute as stored, sealed and not opened: what the functions that may not decrypt (the
 * overdue sweep, the deadline recompute) read and write back unchanged, byte for byte, when they change a case's
 * status, dates or history ({@link DynamoCaseStore#unopened}, docs/personal-data.md). Nothing reads inside it.
 */
public record SealedPersonal(byte[] stored) {
    public SealedPersonal {
        stored = stored.clone();
    }

    @Override
    public byte[] stored() {
        return stored.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedPersonal other && Arrays.equals(stored, other.stored);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stored);
    }

    @Override
    public String toString() {
        return "SealedPersonal[" + stored.length + " bytes]";
    }
}
