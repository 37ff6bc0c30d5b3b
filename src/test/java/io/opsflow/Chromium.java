package io.opsflow;

import java.nio.file.Files;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and chromedriver (packages chromium and chromium-driver), as every
 * browser test starts them; elsewhere {@code -Dopsflow.chromium=... -Dopsflow.chromedriver=...}.
 */
public final class Chromium {

  public static final Path BINARY = Path.of(System.getProperty("opsflow.chromium", "/usr/bin/chromium"));
  public static final Path DRIVER = Path.of(System.getProperty("opsflow.chromedriver", "/usr/bin/chromedriver"));
  public static final String MISSING = "Browser test skipped: no " + BINARY + " or " + DRIVER
      + " (install the Debian packages chromium and chromium-driver)";

  private Chromium() {}

  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /**
   * Skips the calling test (or test class) where no browser is installed, with the reason; fails
   * instead on CI ({@code CI=true}), which installs the browser and must run every browser test.
   */
  public static void assumeInstalled() {
    if (installed()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(MISSING + "; CI must run it");
    }
    Assumptions.abort(MISSING);
  }

  /**
   * A headless browser with its own new profile folder, a window of the given size, and the browser
   * console and network events kept for reading. Without the background-networking flags Chromium keeps calling Google's
   * hosts, which this machine's closed network refuses.
   */
  public static ChromeDriver start(Path profile, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    logging.enable(LogType.PERFORMANCE, Level.INFO); // the network events: what the webapps call
    options.setCapability("goog:loggingPrefs", logging);
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build(), options);
  }
}
