package cn.banshi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseIdsTest {

    /** 2026-03-10 00:00 UTC = 2026-03-10 08:00 in China. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC);

    /**
     * Independent ISO 7064 MOD 11-2: weights are 2^(17-i) mod 11 and the check value is
     * (12 - sum mod 11) mod 11, written as X when it is 10. Deliberately not the production table.
     */
    static char mod11_2(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    static String id(String first17) {
        return first17 + mod11_2(first17);
    }

    /** Independent GB 32100 check: weights 3^i mod 31 computed on the fly. */
    static char gb32100(String first17) {
        String cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        int w = 1;
        for (int i = 0; i < 17; i++) {
            sum += cs.indexOf(first17.charAt(i)) * w;
            w = w * 3 % 31;
        }
        return cs.charAt((31 - sum % 31) % 31);
    }

    @Nested
    class ResidentIds {

        @Test
        void publishedExampleFromTheStandard() {
            assertEquals('X', mod11_2("11010519491231002"), "independent algorithm reproduces the example");
            assertTrue(ChineseIds.isResidentIdNumber("11010519491231002X", CLOCK));
            assertTrue(ChineseIds.isResidentIdNumber("11010519491231002X"), "system clock overload");
            assertEquals('X', ChineseIds.residentIdCheckChar("11010519491231002"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "32028219800101123", // 宜兴市
                    "32028219491001001",
                    "44030419991231888",
                    "65010219000101000", // earliest allowed date
                    "54010220000229567", // leap day
                    "81000019850615002", // Hong Kong residence permit
                    "83000020010101002", // Taiwan residence permit
                    "32028220260310001", // born today (fixed clock)
                })
        void checkCharMatchesIndependentAlgorithm(String first17) {
            assertEquals(mod11_2(first17), ChineseIds.residentIdCheckChar(first17));
            assertTrue(ChineseIds.isResidentIdNumber(id(first17), CLOCK), id(first17));
        }

        @Test
        void everyCheckValueIsReachable() {
            // sweep the sequence digits so each of the 11 check characters occurs at least once
            Set<Character> seen = new HashSet<>();
            for (int seq = 0; seq < 200; seq++) {
                String first17 = "32028219800101" + String.format("%03d", seq);
                char c = ChineseIds.residentIdCheckChar(first17);
                assertEquals(mod11_2(first17), c, first17);
                assertTrue(ChineseIds.isResidentIdNumber(first17 + c, CLOCK));
                seen.add(c);
            }
            assertEquals(11, seen.size());
        }

        @Test
        void wrongCheckCharacterIsRejected() {
            String good = id("32028219800101123");
            for (char c : "0123456789X".toCharArray()) {
                if (c != good.charAt(17)) {
                    assertFalse(ChineseIds.isResidentIdNumber(good.substring(0, 17) + c, CLOCK), "check " + c);
                }
            }
        }

        @Test
        void transposedDigitsAreRejected() {
            assertFalse(ChineseIds.isResidentIdNumber("11010519491213002X", CLOCK));
        }

        @Test
        void lowercaseXIsAccepted() {
            assertTrue(ChineseIds.isResidentIdNumber("11010519491231002x", CLOCK));
            assertEquals("11010519491231002X", ChineseIds.normalizeIdNumber(" 11010519491231002x "));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "32028219800230123", // 30 February
                    "32028219810229123", // 29 February in a non-leap year
                    "32028219801301123", // month 13
                    "32028219800100123", // day 0
                    "32028219800132123", // day 32
                    "32028218991231123", // before 1900
                    "32028220260311123", // tomorrow
                    "32028220300101123", // future year
                    "32028200000101123", // year 0
                })
        void badBirthDatesAreRejected(String first17) {
            assertFalse(ChineseIds.isResidentIdNumber(id(first17), CLOCK), first17);
        }

        @Test
        void todayIsTakenInChinaTime() {
            // 2026-03-10T17:00Z is already 2026-03-11 01:00 in Beijing: a child born on the 11th is valid
            Clock evening = Clock.fixed(Instant.parse("2026-03-10T17:00:00Z"), ZoneOffset.UTC);
            assertTrue(ChineseIds.isResidentIdNumber(id("32028220260311123"), evening));
            assertFalse(ChineseIds.isResidentIdNumber(id("32028220260312123"), evening));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "72", "80", "84",
                    "90", "91", "99"
                })
        void unknownProvinceCodesAreRejected(String province) {
            assertFalse(ChineseIds.isResidentIdNumber(id(province + "028219800101123"), CLOCK), province);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82", "83"
                })
        void realProvinceCodesAreAccepted(String province) {
            assertTrue(ChineseIds.isResidentIdNumber(id(province + "010219800101123"), CLOCK), province);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "11010519491231002", // 17
                    "11010519491231002X1", // 19
                    "110105194912310", // old 15-digit form
                    "1101051949123100X2", // X in the middle
                    "11010519491231002Y",
                    " 11010519491231002X", // surrounding space: strict form
                    "１１０１０５１９４９１２３１００２Ｘ", // full-width digits
                    "11010519491231002*",
                })
        void malformedInputIsRejected(String value) {
            assertFalse(ChineseIds.isResidentIdNumber(value, CLOCK));
        }

        @Test
        void checkCharOfBadPrefixIsNul() {
            assertEquals('\0', ChineseIds.residentIdCheckChar(null));
            assertEquals('\0', ChineseIds.residentIdCheckChar("1101051949123100"));
            assertEquals('\0', ChineseIds.residentIdCheckChar("1101051949123100A"));
            assertFalse(ChineseIds.isResidentIdNumber("11010519491231002X", null));
            assertNull(ChineseIds.normalizeIdNumber("11010519491231002Y"));
            assertNull(ChineseIds.normalizeIdNumber(null));
        }
    }

    @Nested
    class CreditCodes {

        /** The standard's example and codes of well-known companies, verified with {@link #gb32100}. */
        static final List<String> VALID = List.of(
                "91350100M000100Y43",
                "9144030071526726XG",
                "914403001922038216",
                "91330100716105852F",
                "91110000802100433B");

        @Test
        void publishedAndRealCodesAreValid() {
            for (String code : VALID) {
                assertEquals(code.charAt(17), gb32100(code.substring(0, 17)), code);
                assertEquals(code.charAt(17), ChineseIds.creditCodeCheckChar(code.substring(0, 17)), code);
                assertTrue(ChineseIds.isUnifiedSocialCreditCode(code), code);
            }
        }

        @Test
        void checkValueZeroIsWrittenAsZero() {
            // find a prefix whose sum is 0 mod 31: the check must be '0', never the out-of-range 31
            String base = "9132028200000000";
            boolean found = false;
            for (char last : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                String first17 = base + last;
                char c = ChineseIds.creditCodeCheckChar(first17);
                assertEquals(gb32100(first17), c, first17);
                assertTrue(ChineseIds.isUnifiedSocialCreditCode(first17 + c));
                found |= c == '0';
            }
            assertTrue(found, "the sweep over the last position covers every residue, including 0");
        }

        @Test
        void wrongCheckCharIsRejected() {
            assertFalse(ChineseIds.isUnifiedSocialCreditCode("91350100M000100Y44"));
            assertFalse(ChineseIds.isUnifiedSocialCreditCode("91350100M000100Y4A"));
            assertFalse(ChineseIds.isUnifiedSocialCreditCode("91350100M000010Y43")); // transposition
        }

        @ParameterizedTest
        @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
        void forbiddenLettersAreRejected(char letter) {
            String first17 = "91350100M000100" + letter + "4";
            assertEquals('\0', ChineseIds.creditCodeCheckChar(first17));
            for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                assertFalse(ChineseIds.isUnifiedSocialCreditCode(first17 + check));
            }
            assertFalse(ChineseIds.isUnifiedSocialCreditCode("91350100M000100Y4" + letter));
        }

        @Test
        void lowercaseIsAcceptedAndNormalised() {
            assertTrue(ChineseIds.isUnifiedSocialCreditCode("91350100m000100y43"));
            assertEquals("91350100M000100Y43", ChineseIds.normalizeCreditCode(" 91350100m000100y43\t"));
            assertEquals('3', ChineseIds.creditCodeCheckChar("91350100m000100y4"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "91350100M000100Y4",
                    "91350100M000100Y433",
                    "91350100-M000100Y43",
                    "91350100M000100Y4３",
                    "913501000000100Y43 "
                })
        void malformedCodesAreRejected(String value) {
            assertFalse(ChineseIds.isUnifiedSocialCreditCode(value));
            assertNull(ChineseIds.normalizeCreditCode(value == null ? null : value + "#"));
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest(name = "[{index}] {0} → {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "13812345678          | 13812345678",
                    "19912345678          | 19912345678",
                    "14700000000          | 14700000000",
                    "+8613812345678       | 13812345678",
                    "+86 13812345678      | 13812345678",
                    "+86-13812345678      | 13812345678",
                    "8613812345678        | 13812345678",
                    "86 15961512345       | 15961512345",
                    "86-17712345678       | 17712345678",
                    "'  13812345678 '     | 13812345678",
                    "0510-87654321        | 0510-87654321",
                    "051087654321         | 0510-87654321",
                    "0510 87654321        | 0510-87654321",
                    "0510-8765432         | 0510-8765432",
                    "010-62345678         | 010-62345678",
                    "01062345678          | 010-62345678",
                    "021 52345678         | 021-52345678",
                    "0510-87654321-123    | 0510-87654321-123",
                    "0510-87654321转8      | 0510-87654321-8",
                    "051087654321转123456  | 0510-87654321-123456",
                    "010-62345678-1       | 010-62345678-1",
                })
        void validNumbersNormalise(String input, String expected) {
            assertTrue(ChineseIds.isPhone(input), input);
            assertEquals(expected, ChineseIds.normalizePhone(input));
            assertEquals(expected.length() == 11 && !expected.contains("-"), ChineseIds.isMobile(input), input);
            assertEquals(expected.contains("-"), ChineseIds.isLandline(input), input);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "1381234567", // 10 digits
                    "138123456789", // 12 digits
                    "12812345678", // second digit 2
                    "10012345678",
                    "23812345678",
                    "138 1234 5678", // inner separators
                    "138-1234-5678",
                    "(0510)87654321",
                    "+86  13812345678", // two spaces
                    "+86--13812345678",
                    "+8713812345678", // other country code
                    "008613812345678",
                    "+86 0510-87654321", // country code on a landline
                    "4008123123", // service numbers
                    "400-812-3123",
                    "800-820-8820",
                    "8008208820",
                    "95588",
                    "12345",
                    "87654321", // no area code
                    "0510-0765432", // local number starting 0
                    "0510-1765432", // local number starting 1
                    "0510-876543", // 6-digit local number
                    "0510-876543210", // 9-digit local number
                    "010-6234567", // 7-digit local number after a 3-digit area code
                    "011-62345678", // 011 is not an area code
                    "0510-87654321-", // empty extension
                    "0510-87654321-1234567",
                    "0510-87654321ext123",
                    "0510-87654321 转123",
                    "0510--87654321",
                    "１３８１２３４５６７８", // full-width digits
                    "abcdefghijk",
                })
        void invalidNumbersAreRejected(String input) {
            assertFalse(ChineseIds.isPhone(input), input);
            assertFalse(ChineseIds.isMobile(input), input);
            assertFalse(ChineseIds.isLandline(input), input);
            assertNull(ChineseIds.normalizePhone(input));
        }
    }

    @Nested
    class Masks {

        @Test
        void phones() {
            assertEquals("138****1234", ChineseIds.maskPhone("13800001234"));
            assertEquals("138****1234", ChineseIds.maskPhone("+86 13800001234"));
            assertEquals("0510-****4321", ChineseIds.maskPhone("0510-87654321-123"));
            assertEquals("0510-***4321", ChineseIds.maskPhone("05108764321"));
            assertEquals("*****", ChineseIds.maskPhone("95588"));
            assertEquals("", ChineseIds.maskPhone(null));
        }

        @Test
        void idNumbers() {
            assertEquals("3202**********123X", ChineseIds.maskIdNumber("32028219800101123X"));
            assertEquals("1101**********002X", ChineseIds.maskIdNumber("11010519491231002x"));
            assertEquals("9135**********0Y43", ChineseIds.maskIdNumber("91350100M000100Y43"));
            assertEquals("********", ChineseIds.maskIdNumber("12345678"));
            assertEquals("1234*6789", ChineseIds.maskIdNumber("123456789"));
            assertEquals("", ChineseIds.maskIdNumber(null));
        }

        @Test
        void names() {
            assertEquals("张*", ChineseIds.maskName("张三"));
            assertEquals("王**", ChineseIds.maskName("王小明"));
            assertEquals("欧阳**", ChineseIds.maskName("欧阳娜娜"));
            assertEquals("欧阳*", ChineseIds.maskName("欧阳娜"));
            assertEquals("欧*", ChineseIds.maskName("欧阳"));
            assertEquals("司马**", ChineseIds.maskName(" 司马相如 "));
            assertEquals("𠀀*", ChineseIds.maskName("𠀀明"), "supplementary character counts once");
            assertEquals("阿*******", ChineseIds.maskName("阿卜杜拉·买买提"));
            assertEquals("*", ChineseIds.maskName("张"));
            assertEquals("", ChineseIds.maskName(""));
            assertEquals("", ChineseIds.maskName(null));
        }
    }
}
