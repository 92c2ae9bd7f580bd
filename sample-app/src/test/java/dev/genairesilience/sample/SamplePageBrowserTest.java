package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): a prompt typed, the button clicked, the image waited for, and the provenance the page
 * shows read back. The primary model is overloaded on every call and its breaker opens after four faults and stays
 * open, so that each run shows the same story: failed calls, the fallback, a degraded image, then steps passed over
 * for an open breaker. Without the browser the tests are skipped, saying so; they never pass without having run.
 */
@EnabledIf(value = "browserAvailable", disabledReason = "No headless browser: needs Chromium at /usr/bin/chromium and"
        + " its driver at /usr/bin/chromedriver (Debian packages chromium and chromium-driver, which .ci/run installs),"
        + " or -Dsample.chromium and -Dsample.chromedriver naming them")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sample.emulator.latency=0ms", "sample.emulator.primary-overload-rate=1.0",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.failure-rate-threshold=50",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=10m"})
class SamplePageBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("sample.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("sample.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By PRO_REASON = By.cssSelector("#providers tr[data-provider='gemini-pro'] td.reason");
    private static final By PRO_STATE = By.cssSelector("#providers tr[data-provider='gemini-pro'] td.state");

    private static Path profile;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @LocalServerPort
    int port;

    /** Whether Chromium and its driver are there; without them the class is skipped, before the app starts. */
    static boolean browserAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("sample-page-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aTypedPromptShowsItsImageTrailWhyItIsDegradedAndTheProvidersThenTheOpenBreakersSkippedSteps() {
        browser.get("http://127.0.0.1:" + port + "/");
        generate("a red bicycle");

        assertThat(text("provider")).isEqualTo("gemini-flash");
        assertThat(text("model")).isEqualTo("gemini-2.5-flash-image");
        assertThat(text("resolution")).isEqualTo("1K");
        assertThat(text("degraded")).isEqualTo("yes");
        assertThat(text("degraded-why")).contains("Served by gemini-flash, not the chain's first provider gemini-pro")
                .contains("OVERLOADED, HTTP 503").contains("Delivered at 1K, below the 2K asked");
        // the image's own pixels, as the browser decoded them, are what the caption says and the provenance claims
        assertThat(js("return document.getElementById('image').naturalWidth")).isEqualTo(1024L);
        assertThat(js("return document.getElementById('image').naturalHeight")).isEqualTo(1024L);
        assertThat(text("delivered-size")).startsWith("1024 × 1024 px, as delivered (1K, 2K asked)");

        List<WebElement> trail = browser.findElements(By.cssSelector("#trail li"));
        assertThat(trail).hasSizeGreaterThanOrEqualTo(2);
        assertThat(trail.get(0).getText()).startsWith("gemini-pro 2K · OVERLOADED · HTTP 503");
        assertThat(trail.get(0).getDomAttribute("class")).contains("failed");
        assertThat(trail.get(trail.size() - 1).getText()).startsWith("gemini-flash 1K · OK");

        WebElement proReason = wait.until(ExpectedConditions.visibilityOfElementLocated(PRO_REASON));
        assertThat(proReason.getText()).isNotBlank().isNotEqualTo("—");
        assertThat(browser.findElement(PRO_STATE).getText()).isIn("DEGRADED", "DOWN");
        WebElement overloads = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#charts svg[data-provider='gemini-pro'] rect.overload")));
        assertThat(Integer.parseInt(overloads.getDomAttribute("data-count"))).isPositive();
        assertThat(browser.findElements(By.cssSelector("#charts svg[data-provider='gemini-flash'] rect.success")))
                .isNotEmpty();

        // four faults have opened the primary's breaker: the next generations pass its steps over without a call
        String skipped = "";
        for (int i = 0; i < 3 && !skipped.contains("breaker open"); i++) {
            generate("a blue teapot " + i);
            skipped = text("skipped");
        }
        assertThat(skipped).contains("gemini-pro 2K · skipped: breaker open");
        assertThat(text("degraded-why")).contains("was passed over (breaker open)");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(PRO_REASON, "circuit breaker open"));
        assertThat(browser.findElement(PRO_REASON).isDisplayed()).isTrue();
        assertThat(browser.findElement(PRO_STATE).getText()).isEqualTo("DOWN");
    }

    /** Types {@code prompt}, clicks Generate, and waits until the page shows this generation's image. */
    private void generate(String prompt) {
        Object before = js("return document.getElementById('image').getAttribute('src')");
        WebElement input = browser.findElement(By.name("prompt"));
        input.clear();
        input.sendKeys(prompt);
        browser.findElement(By.id("generate")).click();
        wait.until(driver -> !browser.findElements(By.cssSelector("#status .error")).isEmpty()
                || Boolean.TRUE.equals(js("var i = document.getElementById('image');"
                        + " return !document.getElementById('result').hidden && i.complete && i.naturalWidth > 0"
                        + " && !document.getElementById('generate').disabled && i.getAttribute('src') !== "
                        + (before == null ? "null" : "'" + before + "'") + ";")));
        assertThat(browser.findElements(By.cssSelector("#status .error"))).as("an error shown instead of an image")
                .isEmpty();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
