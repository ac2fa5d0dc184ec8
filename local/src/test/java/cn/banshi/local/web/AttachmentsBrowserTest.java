package cn.banshi.local.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.banshi.attachments.BucketAccess;
import cn.banshi.attachments.LocalUploadProcessing;
import cn.banshi.testkit.LocalS3;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Attachments in headless Chromium against the real stack and the local S3 server: a citizen attaches two photos on a
 * 375 px screen (one larger than 2560 px, downscaled in the browser), sees their progress, submits, and the staff
 * detail shows both; a staff reply PDF marked public shows on the tracking page.
 */
class AttachmentsBrowserTest {
    static WebStack stack;
    static Browser browser;
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        String bucket = LocalS3.freshBucket("pages");
        stack = WebStack.start(app -> {
            app.useUploads(
                    BucketAccess.local(bucket, URI.create(LocalS3.endpoint())),
                    new LocalUploadProcessing(LocalS3.client(), bucket, app.uploadStore()));
            return List.of();
        });
        browser = Browser.start(stack.base);
        files = Files.createTempDirectory("banshi-attachments");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
    }

    static Path photo(String name, int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 140, 90));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(img, "jpeg", file.toFile());
        return file;
    }

    static Path pdf(String name) throws Exception {
        String body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n";
        int xref = body.length();
        int o1 = body.indexOf("1 0 obj"), o2 = body.indexOf("2 0 obj"), o3 = body.indexOf("3 0 obj");
        body += "xref\n0 4\n0000000000 65535 f \n" + String.format("%010d 00000 n \n", o1)
                + String.format("%010d 00000 n \n", o2) + String.format("%010d 00000 n \n", o3)
                + "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n";
        Path file = files.resolve(name);
        Files.writeString(file, body, StandardCharsets.US_ASCII);
        return file;
    }

    Map<String, String> submitWithTwoPhotos() throws Exception {
        browser.phone();
        browser.open("/");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-form[data-ready]")));
        browser.find("#type-complaint").click();
        new Select(browser.find("#category")).selectByVisibleText("生态环境");
        new Select(browser.find("#village")).selectByVisibleText("梅家渎村");
        browser.type("#title", "河道垃圾（附照片）");
        browser.type("#description", "梅家渎村东侧河道漂浮大量生活垃圾，附现场照片两张。");
        browser.type("#name", "王小明");
        browser.type("#phone", "13912345678");
        Path big = photo("river-big.jpg", 4000, 3000);
        Path small = photo("river.jpg", 800, 600);
        browser.find("#attachment-files").sendKeys(big + "\n" + small);
        browser.until(d -> browser.findAll(".attachment[data-state='ready']").size() == 2);
        // progress was shown per file and is complete
        var bars = browser.findAll(".attachment progress");
        assertEquals(2, bars.size());
        for (var bar : bars) assertEquals("100", bar.getAttribute("value"));
        assertEquals(2, browser.findAll(".attachment img.thumb").size(), "thumbnails of the chosen photos");
        assertFalse(browser.overflowsHorizontally(), "the picker fits a 375 px screen");
        browser.screenshot("attachments-citizen-form");
        browser.find("#submit").click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        return Map.of(
                "trackingNo", browser.find("#receipt-tracking-no").getText(),
                "accessCode", browser.find("#receipt-access-code").getText());
    }

    @Test
    void aCitizenAttachesTwoPhotosOnAPhoneAndStaffSeeThem() throws Exception {
        Map<String, String> codes = submitWithTwoPhotos();
        String trackingNo = codes.get("trackingNo");
        var stored = stack.app.cases().find(trackingNo).orElseThrow().attachments();
        assertEquals(2, stored.size());

        browser.desktop();
        browser.signInWithToken(stack.token("town-admin", null, "admin@gaocheng"), "#/case/" + trackingNo);
        browser.until(
                d -> browser.findAll("#case-attachments img.attachment-image").size() == 2);
        browser.until(d ->
                (Boolean) browser.js("return [...document.querySelectorAll('#case-attachments img.attachment-image')]"
                        + ".every((img) => img.complete && img.naturalWidth > 0)"));
        browser.screenshot("attachments-staff-detail");
        assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
    }

    @Test
    void aStaffReplyPdfMarkedPublicShowsOnTheTrackingPage() throws Exception {
        Map<String, String> codes = submitWithTwoPhotos();
        String trackingNo = codes.get("trackingNo");
        browser.desktop();
        browser.signInWithToken(stack.token("town-admin", null, "admin@gaocheng"), "#/case/" + trackingNo);
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action='accept']")))
                .click();
        browser.find("#action-submit").click();
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action='reply']")))
                .click();
        browser.type("#act-reply-reply", "已安排保洁人员清理河道，处理情况见附件。");
        browser.find("#act-reply-document").sendKeys(pdf("reply.pdf").toString());
        new Select(browser.find("#act-reply-document-visibility")).selectByValue("public");
        browser.find("#action-submit").click();
        browser.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-attachments .attachment-download")));
        assertEquals(
                3,
                stack.app.cases().find(trackingNo).orElseThrow().attachments().size());

        browser.phone();
        browser.open("/track.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-form[data-ready]")));
        browser.type("#tracking-no", trackingNo);
        browser.type("#access-code", codes.get("accessCode"));
        browser.find("#track-submit").click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#public-files button")));
        assertEquals(1, browser.findAll("#public-files button").size(), "only the public reply, not the photos");
        assertTrue(browser.find("#public-files button").getText().contains("下载 PDF"));
        browser.screenshot("attachments-tracking");
    }
}
