package cn.banshi.testkit.logscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.validation.ChineseIds;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The scan finds the phones and ID numbers the test data uses, and not the numbers every log line has. */
class PersonalDataTest {
    static String id(String first17) {
        return first17 + ChineseIds.residentIdCheckChar(first17);
    }

    @Test
    void findsMobilesLandlinesAndValidIdNumbersMasked() {
        String id = id("32028219800101123");
        List<String> found =
                PersonalData.find("{\"phone\":\"13912345678\",\"tel\":\"0510-87654321\",\"id\":\"" + id + "\"}");
        assertEquals(
                List.of("phone 139******78", "phone 051********21", "ID number 320*************" + id.substring(16)),
                found);
        assertEquals(1, PersonalData.find("call 13612345678.").size());
        assertEquals(1, PersonalData.find(id.toLowerCase()).size());
    }

    @Test
    void findsValidCreditCodesOnly() {
        String code = "91320282MA1XXXXX0" + ChineseIds.creditCodeCheckChar("91320282MA1XXXXX0");
        String wrong = "91320282MA1XXXXX0" + (code.charAt(17) == '1' ? '2' : '1');
        assertEquals(List.of("credit code 913*************" + code.substring(16)), PersonalData.find("code " + code));
        assertEquals(List.of(), PersonalData.find("code " + wrong + " or 7K3M-9QXD-T4W2-H8PZ"));
        // eighteen digits that are an ID number are reported once, as that
        assertEquals(
                List.of("ID number 320*************" + id("32028219800101123").substring(16)),
                PersonalData.find(id("32028219800101123")));
    }

    @Test
    void redactsWhatItFindsAndKeepsTheRest() {
        String code = "91320282MA1XXXXX0" + ChineseIds.creditCodeCheckChar("91320282MA1XXXXX0");
        assertEquals(
                "town#gaocheng#139******78#wan***********om#913*************" + code.substring(16) + "#1764312345678",
                PersonalData.redact("town#gaocheng#13912345678#wang@example.com#" + code + "#1764312345678"));
    }

    @Test
    void findsEmailsButNotMaskedOnesOrStaffIds() {
        assertEquals(
                List.of("e-mail wan***********om"),
                PersonalData.find("{\"to\":\"wang@example.com\",\"masked\":\"w***@example.com\","
                        + "\"actor\":\"town-admin@gaocheng\",\"id\":\"7K3M-9QXD-T4W2-H8PZ#2#email\"}"));
    }

    @Test
    void ignoresTimestampsIdsLatenciesAndTrackingNumbers() {
        String line =
                "{\"timestamp\":\"2026-11-28T06:32:30.873857491Z\",\"function_request_id\":\"e9d42b21-92e0-4fc8-a6e8-139123456789\",\"other_id\":\"11a9b9a7-8de6-4ec7-aeb4-14834516647a\","
                        + "\"epochMillis\":1764312345678,\"latencyMs\":13912345.678,\"trackingNo\":\"7K3M-9QXD-T4W2-H8PZ\",\"n\":139123456789,"
                        + "\"x\":\"" + "32028219800101123"
                        + (ChineseIds.residentIdCheckChar("32028219800101123") == '0' ? '1' : '0') + "\"}";
        assertEquals(List.of(), PersonalData.find(line));
    }

    @Test
    void ignoresEighteenDigitsWithARightCheckCharacterThatAreNoIdNumber() {
        // a temporary directory's random part: no province 26, no 13th month; the check characters are right
        String path = "/tmp/junit-" + id("26512345678901234") + "/out";
        String noDate = id("32028219801301123");
        assertEquals(List.of(), PersonalData.find(path + " " + noDate));
        // nor as a credit code: a right check character, but its region (digits 3–4: 99) is in no province
        String noRegion = "91990282MA1XXXXX0" + ChineseIds.creditCodeCheckChar("91990282MA1XXXXX0");
        assertEquals(List.of(), PersonalData.find("code " + noRegion));
        assertEquals(path + " " + noDate, PersonalData.redact(path + " " + noDate));
    }

    @Test
    void thisJvmsOutputIsScanned() {
        assertTrue(OutputScan.installed(), "the launcher session listener installed the scan");
        int mark = OutputScan.mark();
        System.out.println("a line with 13987654321 in it");
        assertEquals(1, OutputScan.since(mark).size());
        // this test wrote it on purpose: forget it, so the extension's own check stays green
        AssertionError expected =
                Assertions.assertThrows(AssertionError.class, () -> OutputScan.assertCleanSince(mark));
        assertTrue(expected.getMessage().contains("139******21"));
        OutputScan.forget(mark);
    }
}
