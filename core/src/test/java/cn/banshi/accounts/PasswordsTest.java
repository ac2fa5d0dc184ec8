package cn.banshi.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.errors.ApiException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id hashes and the password rules. */
class PasswordsTest {
    final Passwords passwords = new Passwords(new SecureRandom());

    @Test
    void hashesAreSaltedArgon2idAndVerify() {
        String a = passwords.hash("Qingshui-River7");
        String b = passwords.hash("Qingshui-River7");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt each time");
        assertTrue(passwords.verify("Qingshui-River7", a));
        assertTrue(passwords.verify("Qingshui-River7", b));
        assertFalse(passwords.verify("Qingshui-River8", a));
        assertFalse(passwords.verify("Qingshui-River7", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"));
        assertFalse(passwords.verifyDummy("Qingshui-River7"));
    }

    @Test
    void policyRefusesShortSimpleAndUsernamePasswords() {
        assertEquals("WEAK_PASSWORD", code("Ab1-short", "x.y"));
        assertEquals("WEAK_PASSWORD", code("alllowercase12", "x.y"));
        assertEquals("WEAK_PASSWORD", code("Wang.Li-2026x", "wang.li"));
        assertEquals("TOO_LONG", code("Aa1-" + "x".repeat(130), "x.y"));
        PasswordPolicy.check("p", "Qingshui-River7", "wang.li");
        PasswordPolicy.check("p", "qingshui river 7", "wang.li"); // lower, digit, space
        for (int i = 0; i < 50; i++) PasswordPolicy.check("p", PasswordPolicy.temporary(new SecureRandom()), "wang.li");
    }

    static String code(String password, String username) {
        return assertThrows(ApiException.class, () -> PasswordPolicy.check("p", password, username))
                .code();
    }
}
