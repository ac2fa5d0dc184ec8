package cn.banshi.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.abuse.VerificationCodesHandler;
import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.ApiTestSupport;
import cn.banshi.api.Events;
import cn.banshi.auth.Role;
import cn.banshi.catalog.Catalogs;
import cn.banshi.demo.DemoLoader;
import cn.banshi.digest.Sha256;
import cn.banshi.intake.SubmissionHandler;
import cn.banshi.json.Json;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.SendResult;
import cn.banshi.staff.StaffCasesHandler;
import cn.banshi.store.Tables;
import cn.banshi.testkit.atrest.PlaintextScan;
import cn.banshi.testkit.atrest.TablesAtRest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 18's done-when: the raw tables, read with the plain SDK (no decryption), hold no phone, ID number, credit
 * code, e-mail address or name in plaintext after the demo load and the desk's writes (citizens' submissions with
 * notifications, an information request with an ID number, staff actions, a staff account, the outbox turned into
 * messages, a verification code); and a sealed value flipped or moved is refused on read, never returned.
 */
class PersonalDataAtRestTest extends ApiTestSupport {
    @BeforeEach
    void setUp() {
        setUpApp("2021-04-06T09:00");
    }

    @Test
    void theRawTablesHoldNoPersonalDataInPlaintext() {
        DemoLoader.load(
                dynamo,
                Catalogs.bundled().town("gaocheng").orElseThrow(),
                app.calendars().deadlines(),
                clock);
        ObjectNode complaint = complaint();
        ((ObjectNode) complaint.get("submitter"))
                .put("email", "wang@example.com")
                .put("notify", "both");
        String no = submitOnline("complaints", complaint).get("trackingNo").asText();
        ObjectNode info = infoRequest();
        ((ObjectNode) info.get("applicant")).put("phone", "13812345678").put("notify", "both");
        submitOnline("info-requests", info);
        act(no, "accept");
        act(no, "assign", "village", "hongxing");
        app.staffManagement()
                .create(
                        "gaocheng",
                        "zhang.sanfeng",
                        new StaffProfile(Role.TOWN_ADMIN, null, "张三丰", "13700001111", "zhang@example.gov.cn"),
                        null);
        DispatchSettings settings =
                new DispatchSettings("https://banshi.example", "noreply@gaocheng.gov.cn", Duration.ofMinutes(2), 4, 10);
        // the outbox becomes pending messages (recipient, text and parameters), not sent yet
        assertTrue(app.dispatcher(m -> SendResult.sent("sms-1"), m -> SendResult.sent("mail-1"), settings)
                        .takeOver("gaocheng")
                > 0);
        var code = call(
                new VerificationCodesHandler(app),
                Events.post(
                        "/api/v1/towns/{town}/verification-codes",
                        "/api/v1/towns/dingshu/verification-codes",
                        Json.write(Json.object().put("phone", "13912345678"))));
        assertEquals(202, code.getStatusCode(), code.getBody());

        // the scan every test class gets (testkit's NoPersonalDataAtRest), run here to see what it read
        PlaintextScan.Result scan = TablesAtRest.scanLatest();
        assertTrue(
                scan.items() > 1000 && scan.sealedValues() > 1000,
                scan.items() + " items, " + scan.sealedValues() + " sealed values");
        assertTrue(
                scan.names().containsAll(List.of("王小明", "李华", "张三丰")),
                "the names of the sealed values are known to the scan");
        assertEquals(List.of(), scan.findings());
        // the people index holds the submitter's case under a beacon, not the phone
        assertTrue(new PersonIndex(dynamo)
                .find("gaocheng", List.of(app.personalData().beacons().phone("gaocheng", "13912345678")), 10)
                .contains(no));
    }

    /**
     * The ephemeral table's keys derived from a phone, an e-mail address or a client address (the daily message cap,
     * a verification code and its limits, spam blocks) and a case's {@code clientKey} are keyed pseudonyms: none is an
     * unkeyed SHA-256 of a value the test used (which a guess of all numbers or addresses would reverse).
     */
    @Test
    void theEphemeralTableKeysPeopleByKeyedPseudonymsNeverByUnkeyedDigests() {
        String phone = "13912345678";
        String email = "wang@example.com";
        String ip = "198.51.100.23";
        ObjectNode complaint = complaint();
        ((ObjectNode) complaint.get("submitter")).put("email", email).put("notify", "both");
        var filed = call(
                new SubmissionHandler(app),
                Events.post(
                                "/api/v1/towns/{town}/complaints",
                                "/api/v1/towns/gaocheng/complaints",
                                Json.write(complaint))
                        .sourceIp(ip));
        assertEquals(201, filed.getStatusCode(), filed.getBody());
        String no = json(filed).get("trackingNo").asText();
        DispatchSettings settings =
                new DispatchSettings("https://banshi.example", "noreply@gaocheng.gov.cn", Duration.ofMinutes(2), 4, 10);
        var sent = app.dispatcher(m -> SendResult.sent("sms-1"), m -> SendResult.sent("mail-1"), settings)
                .run("gaocheng");
        assertTrue(sent.sent() >= 2, sent.toString());
        var code = call(
                new VerificationCodesHandler(app),
                Events.post(
                                "/api/v1/towns/{town}/verification-codes",
                                "/api/v1/towns/dingshu/verification-codes",
                                Json.write(Json.object().put("phone", phone)))
                        .sourceIp(ip));
        assertEquals(202, code.getStatusCode(), code.getBody());
        act(no, "mark-spam", "reason", "重复发送的广告信息");

        Set<String> keys = new TreeSet<>();
        for (var item : dynamo.scanPaginator(b -> b.tableName(Tables.physical(Tables.EPHEMERAL)))
                .items()) {
            keys.add(item.get("pk").s());
        }
        Pseudonyms pseudonyms = app.personalData().pseudonyms();
        String day = "2021-04-06";
        assertEquals(pseudonyms.client(ip), app.cases().find(no).orElseThrow().clientKey());
        assertTrue(
                keys.containsAll(List.of(
                        "msgcap#sms#" + pseudonyms.recipient(phone) + "#" + day,
                        "msgcap#email#" + pseudonyms.recipient(email) + "#" + day,
                        "verify#code#dingshu#" + pseudonyms.phone(phone),
                        "verify#gap#phone#" + pseudonyms.phone(phone),
                        "verify#gap#client#" + pseudonyms.client(ip),
                        "verify#day#phone#" + pseudonyms.phone(phone) + "#" + day,
                        "block#phone#" + pseudonyms.phone(phone),
                        "block#client#" + pseudonyms.client(ip))),
                keys.toString());
        List<String> unkeyed = new ArrayList<>();
        for (String value : List.of(phone, email, ip)) {
            for (String prefix : List.of("", "banshi-block:phone:", "banshi-block:client:", "banshi-cap\n")) {
                unkeyed.add(Sha256.hex(prefix + value));
            }
        }
        for (String key : keys) {
            for (String digest : unkeyed) {
                // a digest cut short too (the legacy client key was its first 32 characters)
                assertFalse(key.contains(digest.substring(0, 16)), key + " holds an unkeyed digest");
            }
        }
    }

    @Test
    void aFlippedOrMovedValueIsRefusedOnReadNeverReturned() {
        String a = submitOnline("complaints", complaint()).get("trackingNo").asText();
        ObjectNode other = complaint();
        ((ObjectNode) other.get("submitter")).put("name", "赵六").put("phone", "13600001111");
        String b = submitOnline("complaints", other).get("trackingNo").asText();
        Map<String, AttributeValue> itemA = raw(a);
        Map<String, AttributeValue> itemB = raw(b);

        // one bit flipped in the ciphertext of a's personal data
        byte[] bytes = itemA.get("personal").b().asByteArray();
        bytes[bytes.length - 20] ^= 0x01;
        put(a, itemA, AttributeValue.fromB(SdkBytes.fromByteArray(bytes)));
        PersonalDataException flipped =
                assertThrows(PersonalDataException.class, () -> app.cases().find(a));
        assertFalse(flipped.getMessage().contains("王小明"));
        // (the contract declares no 500; the handler is called directly)
        var detail = new StaffCasesHandler(app)
                .handleRequest(
                        as(Events.get("/api/v1/admin/cases/{trackingNo}", "/api/v1/admin/cases/" + a), ADMIN, null)
                                .build(),
                        null);
        assertEquals(500, detail.getStatusCode());
        assertFalse(detail.getBody().contains("王小明") || detail.getBody().contains("13912345678"));

        // b's intact personal data copied onto a: bound to b's key, so refused on a
        put(a, itemA, itemB.get("personal"));
        assertThrows(PersonalDataException.class, () -> app.cases().find(a));
        // and restored, it reads again
        put(a, itemA, itemA.get("personal"));
        assertEquals(
                "王小明", app.cases().find(a).orElseThrow().personal().submitter().name());
        assertEquals(
                "赵六", app.cases().find(b).orElseThrow().personal().submitter().name());
    }

    private Map<String, AttributeValue> raw(String no) {
        return dynamo.getItem(r -> r.tableName(Tables.physical(Tables.CASES))
                        .consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS(no))))
                .item();
    }

    private void put(String no, Map<String, AttributeValue> item, AttributeValue personal) {
        Map<String, AttributeValue> next = new HashMap<>(item);
        next.put("personal", personal);
        dynamo.putItem(r -> r.tableName(Tables.physical(Tables.CASES)).item(next));
    }
}
