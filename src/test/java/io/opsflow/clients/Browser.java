package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Wait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's headless Chromium driven by chromedriver, one per test class, against the app of the
 * shared Spring test context. Skips each scenario with a clear message where no browser is installed
 * (and fails instead on CI, where {@code .ci/run} installs it). Every {@link #step} saves a
 * screenshot {@code target/screenshots/NN-scenario-step.png}; a failed test saves one too, and the
 * browser console of each test lands beside them.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final By NOTICES = By.cssSelector(".page-notifications .alert");
  private static final AtomicInteger SHOTS = new AtomicInteger();

  static {
    clearScreenshots();
  }

  private ChromeDriver driver;
  private Path profile;
  private String baseUrl;
  private String scenario;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Chromium.assumeInstalled();
    profile = Files.createTempDirectory("opsflow-chromium");
    driver = Chromium.start(profile, 1400, 1000);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
        .getRequiredProperty("local.server.port");
    scenario = kebab(context.getRequiredTestMethod().getName());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    if (context.getExecutionException().isPresent()) {
      step("failed");
      write(file("failed-page.html"), List.of(driver.getPageSource()));
    }
    List<String> console = console();
    write(file("console.log"), console);
    List<EngineApiCall> calls = EngineApiCall.recorded(driver);
    write(file("engine-api.log"), calls.stream().map(EngineApiCall::toString).toList());
    // a fresh session for the next scenario: leave the webapp (Tasklist refreshes its list on its
    // own) and drop the session cookie that holds its login
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    assertThat(console).as("webapp requests that failed on the server").noneMatch(line -> line.contains("status of 5"));
    assertThat(calls).as("writes of the webapp refused by the engine REST API's rules")
        .noneMatch(call -> !call.method().equals("GET") && call.status() >= 400);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      deleteTree(profile);
    }
  }

  /** Opens a path of the app, e.g. {@code /camunda/app/tasklist/default/}. */
  void open(String path) {
    driver.get(baseUrl + path);
  }

  /** The size of the browser's window, such as a phone's 390 x 844. */
  void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The page's title, once it starts as expected (Cockpit adds " | Dashboard" and the like). */
  String title(String expectedStart) {
    return until(d -> d.getTitle().startsWith(expectedStart) ? d.getTitle() : null);
  }

  /** What the page shows as text (hidden elements left out). */
  String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** How wide the page's content is: wider than the window means sideways scrolling. */
  long contentWidth() {
    return (Long) driver.executeScript("return document.documentElement.scrollWidth;");
  }

  /**
   * Opens a page and waits for the element; a webapp whose scripts timed out while loading (on a
   * busy machine, RequireJS gives up after seconds) is loaded once more, from the warm cache.
   */
  void openLoaded(String path, By ready) {
    open(path);
    try {
      visible(ready);
    } catch (TimeoutException coldStart) {
      open(path);
      visible(ready);
    }
  }

  /** The address the browser shows now. */
  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Shows the page as for print ({@code "print"}) or the screen ({@code ""}), as Chromium's print preview does. */
  void media(String media) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
  }

  /** Prints the page as Chromium's "Save as PDF" does (DevTools {@code Page.printToPDF}), into the scenario's files. */
  byte[] printToPdf(String name) {
    PrintOptions options = new PrintOptions();
    options.setBackground(true);
    byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
    try {
      Files.write(file(kebab(name) + ".pdf"), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf;
  }

  /** Drops the browser's cookies: every login of this browser is forgotten. */
  void forgetLogins() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** Saves a screenshot of the current page as the next step of the running scenario. */
  void step(String name) {
    SHOTS.incrementAndGet();
    try {
      Files.write(file(kebab(name) + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the element is there and visible. */
  WebElement visible(By locator) {
    return until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits until the element shows the text, also across the load of a new page that has it too. */
  void showsText(By locator, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Every element found now, once at least one is visible. */
  List<WebElement> all(By locator) {
    visible(locator);
    return driver.findElements(locator);
  }

  /** Waits until the element is gone or hidden. */
  void gone(By locator) {
    until(ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  /** Clicks once the element can take the click (not covered by a tooltip, backdrop or re-rendering). */
  void click(By locator) {
    until(d -> {
      d.findElement(locator).click();
      return true;
    });
  }

  /** Replaces the text of an input. */
  void type(By locator, String text) {
    WebElement input = visible(locator);
    input.clear();
    input.sendKeys(text);
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waiting(condition).until(condition);
  }

  private Wait<WebDriver> waiting(Object condition) {
    return new FluentWait<WebDriver>(driver).withTimeout(TIMEOUT).pollingEvery(Duration.ofMillis(100))
        .ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class)
        .withMessage(() -> "waiting for " + condition + " " + whereWeAre());
  }

  /** Where a wait that timed out left the browser: the page and the webapp's notifications. */
  private String whereWeAre() {
    List<String> notices = driver.findElements(NOTICES).stream().map(WebElement::getText).toList();
    return "on " + driver.getCurrentUrl() + ", notices " + notices;
  }

  /** The browser console since the last call: failed requests (with URL and status) and script errors. */
  private List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  /** {@code NN-scenario-name}, numbered like the last screenshot. */
  private Path file(String name) {
    return SCREENSHOTS.resolve(String.format("%02d-%s-%s", SHOTS.get(), scenario, name));
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each test JVM starts with an empty screenshot folder. */
  private static void clearScreenshots() {
    try {
      if (Files.isDirectory(SCREENSHOTS)) {
        deleteTree(SCREENSHOTS);
      }
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
