package cn.banshi.testkit.atrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cn.banshi.store.Tables;
import cn.banshi.testkit.LocalDynamo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The extension, as every test class gets it: a class whose tables hold a phone in plaintext fails after its tests,
 * naming the table, key and attribute (masked); the opt-out covers only the tables it names. The sample classes are
 * nested, so Surefire does not run them itself; they run here through the JUnit launcher.
 */
class NoPersonalDataAtRestTest {

    @Test
    void aClassLeavingAPhoneInATableFailsNamingWhere() {
        TestExecutionSummary summary = run(WritesAPhone.class);
        assertEquals(1, summary.getTestsSucceededCount(), "the test itself passed");
        assertEquals(1, summary.getTotalFailureCount());
        String message = summary.getFailures().get(0).getException().getMessage();
        assertTrue(
                message.contains("audit town#gaocheng / 1 note: phone 139******78 (tables of WritesAPhone.")
                        && message.contains("personal data in plaintext in the raw tables"),
                message);
        assertFalse(message.contains("13912345678"), message);
    }

    @Test
    void theOptOutCoversTheTablesItNamesOnly() {
        assertEquals(0, run(DeclaresTheAuditTable.class).getTotalFailureCount());
        TestExecutionSummary other = run(DeclaresAnotherTable.class);
        assertEquals(1, other.getTotalFailureCount());
        assertTrue(other.getFailures().get(0).getException().getMessage().contains("audit town#gaocheng / 1 note"));
    }

    private static TestExecutionSummary run(Class<?> sample) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(sample))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    static void writePhone() {
        LocalDynamo.freshTables()
                .putItem(b -> b.tableName(Tables.physical(Tables.AUDIT))
                        .item(Map.of(
                                "pk", AttributeValue.fromS("town#gaocheng"),
                                "sk", AttributeValue.fromS("1"),
                                "note", AttributeValue.fromS("来电 13912345678"))));
    }

    static class WritesAPhone {
        @Test
        void writes() {
            writePhone();
        }
    }

    @PlaintextAtRest(tables = Tables.AUDIT, because = "the extension's own test")
    static class DeclaresTheAuditTable {
        @Test
        void writes() {
            writePhone();
        }
    }

    @PlaintextAtRest(tables = Tables.RECORDS, because = "the extension's own test")
    static class DeclaresAnotherTable {
        @Test
        void writes() {
            writePhone();
        }
    }
}
