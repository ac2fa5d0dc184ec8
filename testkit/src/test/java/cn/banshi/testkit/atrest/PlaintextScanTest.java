package cn.banshi.testkit.atrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import cn.banshi.validation.ChineseIds;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The raw-table scan finds plaintext phones, ID numbers, credit codes, e-mails and names, and names where, masked. */
@PlaintextAtRest(
        tables = {Tables.CASES, Tables.AUDIT, Tables.RECORDS},
        because = "the scan's own test writes plaintext personal data to these tables to see it found")
class PlaintextScanTest {
    static final String ID = "32028219800101123" + ChineseIds.residentIdCheckChar("32028219800101123");
    static final String CODE = "91320282MA1XXXXX0" + ChineseIds.creditCodeCheckChar("91320282MA1XXXXX0");

    @Test
    void findsPlaintextPersonalDataAndSaysWhereWithoutRepeatingIt() throws Exception {
        DynamoDbClient dynamo = LocalDynamo.freshTables();
        String prefix = System.getProperty("banshi.tablePrefix");
        PersonalData personalData = PersonalData.shared(dynamo);
        // sealed as the desk writes them: a staff account (its name is what the scan learns) and a message
        put(
                dynamo,
                Tables.STAFF,
                personalData.seal(
                        ProtectedAttributes.STAFF,
                        Map.of(
                                "username", s("zhang.sanfeng"),
                                "town", s("gaocheng"),
                                "displayName", s("张三丰"),
                                "phone", s("13700001111"))));
        put(
                dynamo,
                Tables.STAFF,
                personalData.seal(
                        ProtectedAttributes.STAFF,
                        Map.of("username", s("li.hua"), "town", s("gaocheng"), "displayName", s("李华"))));
        put(
                dynamo,
                Tables.MESSAGES,
                personalData.seal(
                        ProtectedAttributes.MESSAGES,
                        Map.of(
                                "pk", s("m-1"),
                                "to", s("13912345678"),
                                "text", s("您的事项 7K3M-9QXD-T4W2-H8PZ 已受理"),
                                "toMasked", s("139****5678"),
                                "createdKey", s("2021-04-06T09:00:00+08:00#1764312345678"))));
        // plaintext: a case not sealed, a name and a phone in an audit note, personal data in a records item's key,
        // attributes and deflated bytes
        put(
                dynamo,
                Tables.CASES,
                Map.of(
                        "pk", s("7K3M-9QXD-T4W2-H8PZ"),
                        "personal", AttributeValue.fromM(Map.of("submitter", AttributeValue.fromM(Map.of())))));
        put(
                dynamo,
                Tables.AUDIT,
                Map.of(
                        "pk", s("town#gaocheng"),
                        "sk", s("2021-04-06T09:00:00+08:00#1"),
                        "detail",
                                AttributeValue.fromM(Map.of(
                                        "notes", AttributeValue.fromL(List.of(s("ok"), s("张三丰来电 13912345678")))))));
        put(
                dynamo,
                Tables.RECORDS,
                Map.of(
                        "pk", s("town#gaocheng"),
                        "sk", s("contact#13912345678"),
                        "mail", s("wang@example.com"),
                        "codes", AttributeValue.fromSs(List.of("x", CODE)),
                        "blob", AttributeValue.fromB(SdkBytes.fromByteArray(deflated("id " + ID))),
                        "short", s("李华"),
                        // a two-character name counts as a whole value only: it occurs in unrelated prose
                        "prose", s("感谢李华建议")));

        PlaintextScan.Result result = PlaintextScan.scan(dynamo, prefix, Set.of());

        String masked = "913*************" + CODE.substring(16);
        assertEquals(
                List.of(
                        prefix + "audit town#gaocheng / 2021-04-06T09:00:00+08:00#1 detail.notes[1]: phone 139******78",
                        prefix + "audit town#gaocheng / 2021-04-06T09:00:00+08:00#1 detail.notes[1]: the name ***",
                        prefix + "cases 7K3M-9QXD-T4W2-H8PZ personal: not sealed",
                        prefix + "records town#gaocheng / contact#139******78 blob: ID number 320*************"
                                + ID.substring(16),
                        prefix + "records town#gaocheng / contact#139******78 codes: credit code " + masked,
                        prefix + "records town#gaocheng / contact#139******78 mail: e-mail wan***********om",
                        prefix + "records town#gaocheng / contact#139******78 short: the name **",
                        prefix + "records town#gaocheng / contact#139******78 sk: phone 139******78"),
                result.findings().stream().map(Object::toString).sorted().toList());
        String all = result.findings().toString();
        for (String value : List.of("13912345678", "张三丰", "李华", "wang@example.com", ID, CODE))
            assertFalse(all.contains(value), "the finding does not repeat the value");
        assertEquals(Set.of("张三丰", "李华"), result.names());
        assertEquals(5, result.sealedValues());

        // the tables a test names as written in plaintext on purpose are not read; the others are
        assertEquals(
                List.of(),
                PlaintextScan.scan(dynamo, prefix, Set.of(Tables.CASES, Tables.AUDIT, Tables.RECORDS))
                        .findings());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(Tables.physical(table)).item(new HashMap<>(item)));
    }

    private static byte[] deflated(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
