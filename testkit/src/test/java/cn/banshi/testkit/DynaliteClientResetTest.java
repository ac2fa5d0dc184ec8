package cn.banshi.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.store.DynamoClients;
import cn.banshi.store.local.Dynalite;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * A client that dies in the middle of a request (a killed job process, a killed ./banshi up client) resets its
 * connection; plain dynalite 4.0.0 then crashes on the unhandled ECONNRESET, taking every other client down.
 * Our start-up wrapper keeps it serving.
 */
class DynaliteClientResetTest {

    @Test
    void dynaliteSurvivesClientsThatResetTheirConnections() throws Exception {
        try (Dynalite dynalite = Dynalite.start(Dynalite.repoRoot(), null)) {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = new Socket("127.0.0.1", dynalite.port())) {
                    socket.setSoLinger(true, 0); // close with RST
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                                    + (i % 2 == 0 ? 2 : 100000)
                                    + "\r\n\r\n{}")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(20);
                }
            }
            Thread.sleep(300);
            assertTrue(dynalite.isAlive(), "dynalite survived 20 reset connections");
            var client = DynamoClients.forEndpoint(dynalite.endpoint(), ClientOverrideConfiguration.builder());
            assertTrue(client.listTables().tableNames().isEmpty(), "and still answers");
        }
    }
}
