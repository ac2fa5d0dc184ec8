package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.store.local.Dynalite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The API reference page at /api/docs renders the contract in Chromium, every operation listed, nothing from a CDN. */
class ApiDocsBrowserTest extends OnWebStack {

    @BeforeAll
    static void given() throws Exception {
        browser.desktop();
    }

    static List<String> contractOperations() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Dynalite.repoRoot().resolve("infra/openapi.yaml").toFile());
        List<String> operations = new ArrayList<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (Set.of("get", "put", "post", "delete").contains(op.getKey()))
                        operations.add(op.getValue().get("operationId").asText());
                }));
        return operations;
    }

    @Test
    void pageListsEveryOperationOfTheContract() throws Exception {
        browser.open("/api/docs");
        assertEquals("办事 API 接口文档", browser.until(d -> d.getTitle().isEmpty() ? null : d.getTitle()));
        List<String> operations = contractOperations();
        List<WebElement> blocks = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".opblock"));
            return found.size() >= operations.size() ? found : null;
        });
        assertEquals(operations.size(), blocks.size());
        for (String id : operations) {
            assertTrue(!browser.findAll("[id$='-" + id + "']").isEmpty(), "operation " + id + " is on the page");
        }
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info"), "乡镇办事平台接口"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("api-docs");
    }

    @Test
    void contractAndBundleAreServedFromTheSiteItself() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> spec = http.send(
                HttpRequest.newBuilder(URI.create(stack.base + "/api/docs/openapi.yaml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, spec.statusCode());
        assertEquals(Files.readString(Dynalite.repoRoot().resolve("infra/openapi.yaml")), spec.body());
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(stack.base + "/api/docs/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(
                !page.body().contains("//cdn") && !page.body().contains("https://"), "no resource from another site");
        HttpResponse<Void> bundle = http.send(
                HttpRequest.newBuilder(URI.create(stack.base + "/api/docs/swagger-ui/swagger-ui-bundle.js"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, bundle.statusCode());
    }
}
