package cn.banshi.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 6238's test vectors (appendix B, SHA-1 key "12345678901234567890"), six-digit form, and the step window. */
class TotpTest {
    /** Base32 of the ASCII key 12345678901234567890. */
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    static Totp at(long epochSecond) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void rfc6238Vectors() {
        long[][] vectors = {
            {59, 94287082},
            {1111111109, 7081804},
            {1111111111, 14050471},
            {1234567890, 89005924},
            {2000000000, 69279037},
            {20000000000L, 65353130}
        };
        for (long[] v : vectors) {
            Totp totp = at(v[0]);
            String expected = String.format("%06d", v[1] % 1_000_000);
            assertEquals(expected, totp.code(SECRET, totp.currentStep()), "T=" + v[0]);
        }
    }

    @Test
    void acceptsOneStepEitherSideOnceEach() {
        Totp totp = at(1234567890);
        long now = totp.currentStep();
        assertEquals(OptionalLong.of(now), totp.verify(SECRET, totp.code(SECRET, now), 0));
        assertEquals(OptionalLong.of(now - 1), totp.verify(SECRET, totp.code(SECRET, now - 1), 0));
        assertEquals(OptionalLong.of(now + 1), totp.verify(SECRET, totp.code(SECRET, now + 1), 0));
        assertTrue(totp.verify(SECRET, totp.code(SECRET, now + 2), 0).isEmpty(), "too far ahead");
        assertTrue(totp.verify(SECRET, totp.code(SECRET, now), now).isEmpty(), "a used step");
        assertTrue(totp.verify(SECRET, "12345", 0).isEmpty());
        assertTrue(totp.verify(SECRET, "abcdef", 0).isEmpty());
    }
}
