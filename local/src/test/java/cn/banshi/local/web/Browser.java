package cn.banshi.local.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver, with a fresh profile. Viewports are
 * switched with device-metrics emulation, so one browser serves the phone and the desktop flows.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PHONE_WIDTH = 375;

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("banshi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("banshi.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=zh-CN",
                "--disable-dev-shm-usage",
                "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        profile.resolve("downloads").toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("banshi.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static Browser start(String base) {
        return new Browser(base);
    }

    Path downloads() {
        return profile.resolve("downloads");
    }

    /** A finished download with this ending, or null while there is none (Chromium writes *.crdownload first). */
    Path downloaded(String ending) {
        if (!Files.isDirectory(downloads())) return null;
        try (Stream<Path> files = Files.list(downloads())) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) return null;
            return all.stream()
                    .filter(p -> p.toString().endsWith(ending) && p.toFile().length() > 0)
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    void phone() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Leaves a staff token in the console's session as a completed sign-in does (for tests about something else
     * than signing in; LocalSignInBrowserTest signs in through the form) and opens the console at {@code hash}.
     */
    void signInWithToken(String token, String hash) {
        signInWithToken(base, token, hash);
    }

    /** The same on another stack's pages. */
    void signInWithToken(String site, String token, String hash) {
        driver.get(site + "/admin/#/signin");
        js(
                "sessionStorage.setItem('banshi.staffToken', arguments[0]);"
                        + "sessionStorage.setItem('banshi.lastActive', String(Date.now()))",
                token);
        driver.get(site + "/admin/" + hash);
        driver.navigate().refresh();
    }

    /** Waits (not a timing assertion: fails only if the condition never holds) for a condition. */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50)).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Clears an input and types into it, as a person would. */
    void type(String css, String text) {
        WebElement el = find(css);
        el.clear();
        el.sendKeys(text);
    }

    /** Visible form controls that no label names (a screen reader would announce them without a name). */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) js("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
                  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
                  .map((el) => el.id || el.name || el.outerHTML.slice(0, 60));
                """);
    }

    /** The page is wider than the viewport (something overflows sideways). */
    boolean overflowsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth");
    }

    /**
     * Console errors since the last call, without the network lines Chromium logs for every 4xx answer the
     * pages expect (field errors, 404s). CSP violations and script errors stay in.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    /** A full-page PNG under local/target/screenshots (test artifacts, not committed). */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
