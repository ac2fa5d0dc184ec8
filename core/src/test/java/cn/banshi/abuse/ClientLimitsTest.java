package cn.banshi.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClientLimitsTest {
    @Test
    void overridesTuneTheNamedLimitsAndKeepTheOthers() {
        ClientLimits tuned = ClientLimits.parse(" citizen-writes = 25 ");
        assertEquals(
                25,
                tuned.forRoute("POST /api/v1/towns/{town}/complaints")
                        .orElseThrow()
                        .limit());
        assertEquals(
                60,
                tuned.forRoute("GET /api/v1/track/{trackingNo}").orElseThrow().limit());
        assertTrue(
                tuned.forRoute("GET /api/v1/towns/{town}/catalog").isEmpty(), "reads of the catalog are not limited");
        assertEquals(ClientLimits.DEFAULTS, ClientLimits.parse("").all());
    }

    @Test
    void aMistypedOverrideFailsAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> ClientLimits.parse("citizen-write=5"));
        assertThrows(IllegalArgumentException.class, () -> ClientLimits.parse("tracking"));
        assertThrows(IllegalArgumentException.class, () -> ClientLimits.parse("tracking=0"));
    }

    @Test
    void theWafPathPatternsMatchExactlyTheLimitedRoutes() {
        var writes = Pattern.compile(ClientLimits.CITIZEN_WRITES.pathRegex());
        assertTrue(writes.matcher("/api/v1/towns/gaocheng/complaints").matches());
        assertTrue(writes.matcher("/api/v1/towns/gaocheng/info-requests").matches());
        assertTrue(writes.matcher("/api/v1/track/7K3M-9QXD-T4W2-H8PZ/rating").matches());
        assertFalse(writes.matcher("/api/v1/towns/gaocheng/catalog").matches());
        var tracking = Pattern.compile(ClientLimits.TRACKING.pathRegex());
        assertTrue(tracking.matcher("/api/v1/track/7K3M-9QXD-T4W2-H8PZ").matches());
        assertFalse(tracking.matcher("/api/v1/track/7K3M-9QXD-T4W2-H8PZ/rating").matches());
    }
}
