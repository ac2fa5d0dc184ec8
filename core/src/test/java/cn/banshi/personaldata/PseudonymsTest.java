package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.digest.Sha256;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The keyed pseudonyms of the ephemeral table's keys: stable under one beacon key, unrelated under another, never the
 * value or its unkeyed digest, and kept apart by purpose.
 */
class PseudonymsTest {
    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(2);

    private final Pseudonyms a = new Pseudonyms(() -> KEY_A);
    private final Pseudonyms b = new Pseudonyms(() -> KEY_B);

    @Test
    void theSamePhoneGivesTheSamePseudonymUnderOneKeyAndAnotherUnderAnother() {
        String p = a.phone("13912345678");
        assertEquals(p, a.phone("13912345678"));
        assertEquals(p, a.phone("139-1234-5678"), "normalised like the beacons");
        assertEquals(p, a.phone("+86 139 1234 5678"));
        assertNotEquals(p, a.phone("13912345679"));
        assertNotEquals(p, b.phone("13912345678"), "another beacon key, another pseudonym");
        assertEquals(a.client("198.51.100.7"), a.client(" 198.51.100.7 "));
        assertNotEquals(a.client("198.51.100.7"), b.client("198.51.100.7"));
        assertNotEquals(a.client("198.51.100.7"), a.client("198.51.100.8"));
        assertEquals(a.recipient("wang@example.com"), a.recipient("wang@example.com"));
        assertNotEquals(a.recipient("wang@example.com"), b.recipient("wang@example.com"));
    }

    @Test
    void aPseudonymHoldsNeitherTheValueNorItsUnkeyedDigest() {
        String phone = "13912345678";
        String ip = "198.51.100.7";
        List<String> all = List.of(a.phone(phone), a.client(ip), a.recipient(phone), a.recipient("wang@example.com"));
        for (String p : all) {
            assertEquals(Pseudonyms.HEX_CHARS, p.length());
            assertTrue(p.matches("[0-9a-f]+"), p);
            assertFalse(p.contains(phone) || p.contains("12345678") || p.contains(ip), p);
            // neither the plain digest nor the ones banshi used before the switch (issue 21's blocks, the daily cap)
            for (String unkeyed : List.of(
                    Sha256.hex(phone),
                    Sha256.hex("banshi-block:phone:" + phone),
                    Sha256.hex("banshi-block:client:" + ip),
                    Sha256.hex("banshi-cap\n" + phone),
                    Sha256.hex(ip))) {
                assertFalse(unkeyed.startsWith(p), p);
            }
        }
    }

    @Test
    void purposesAreKeptApart() {
        // the same text as a phone, a recipient and a client gives three unrelated pseudonyms
        Set<String> three = Set.of(a.phone("13912345678"), a.recipient("13912345678"), a.client("13912345678"));
        assertEquals(3, three.size());
    }

    @Test
    void nothingWithoutAValueAndTheKeyIsAskedForOnlyWhenUsed() {
        AtomicInteger asked = new AtomicInteger();
        Pseudonyms lazy = new Pseudonyms(() -> {
            asked.incrementAndGet();
            return KEY_A;
        });
        assertEquals(0, asked.get(), "building it reads no key (handlers are built before any request)");
        assertNull(lazy.phone(null));
        assertNull(lazy.phone(" - "));
        assertNull(lazy.client(null));
        assertNull(lazy.client(" "));
        assertEquals(0, asked.get());
        assertEquals(a.phone("13912345678"), lazy.phone("13912345678"));
        assertEquals(1, asked.get());
    }

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) k[i] = (byte) (seed * 31 + i);
        return k;
    }
}
