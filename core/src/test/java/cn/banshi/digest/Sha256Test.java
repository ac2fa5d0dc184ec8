package cn.banshi.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** FIPS 180-2's test vectors, and strings hashed as UTF-8 (stored hashes depend on both). */
class Sha256Test {
    @Test
    void givesTheStandardsVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
    }

    @Test
    void hashesStringsAsUtf8() {
        byte[] utf8 = "办事".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Sha256.of(utf8), Sha256.of("办事"));
        assertEquals(HexFormat.of().formatHex(Sha256.of(utf8)), Sha256.hex("办事"));
    }
}
