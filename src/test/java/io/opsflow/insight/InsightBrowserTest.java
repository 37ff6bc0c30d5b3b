package io.opsflow.insight;

import static io.opsflow.insight.TestHistory.APPROVE;
import static io.opsflow.insight.TestHistory.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.Chromium;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.platform.WorkingCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Olivia logs in to {@code /insight} in Debian's headless Chromium and sees the numbers and the
 * diagram with its heatmap. Skipped when Chromium or its driver is not installed (a failure on CI).
 */
@OpsflowSpringTest
class InsightBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired
  ProcessEngine engine;
  @Autowired
  WorkingCalendar calendar;
  @LocalServerPort
  int port;

  WebDriver browser;
  Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    Chromium.assumeInstalled();
    profile = Files.createTempDirectory("insight-chromium");
    browser = Chromium.start(profile, 1400, 1800);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void oliviaSeesTheNumbersAndTheDiagram() throws IOException {
    TestHistory history = TestHistory.deploy(engine);
    LocalDateTime monday = LocalDateTime.of(2022, 5, 2, 9, 0);
    for (int i = 0; i < 3; i++) {
      LocalDateTime start = monday.plusDays(i);
      ProcessInstance instance = history.start(start, "browser-" + i, start.plusHours(4));
      history.work(instance, REVIEW, "sam", start.plusHours(1), start.plusHours(2 + i));
      history.work(instance, APPROVE, "olivia", start.plusHours(3 + i), start.plusHours(4 + i));
    }
    history.start(monday.plusDays(3), "browser-open", monday.plusDays(3).plusHours(4));
    ClockUtil.reset();

    browser.get(url("/insight?process=" + history.processKey() + "&from=2022-05-02&to=2022-05-08"));
    browser.findElement(By.id("username")).sendKeys("olivia");
    browser.findElement(By.id("password")).sendKeys("olivia");
    clickAndAwaitPage(By.id("login"));
    assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("olivia");
    List<String> cards = browser.findElements(By.cssSelector("#kpi-cards .card")).stream()
        .map(card -> card.getText().replace('\n', ' ')).toList();
    assertThat(cards).contains("4 started", "3 completed", "1 running at end", "5 h cycle time median");
    assertThat(browser.findElements(By.cssSelector("#diagram svg [data-element-id='" + REVIEW + "']"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#diagram .heat"))).extracting(e -> e.getText())
        .contains("4 · 3 h", "3 · 2 h");
    assertThat(browser.findElement(By.id("bottlenecks")).getText()).contains("Review request", "100 %");
    assertThat(browser.findElement(By.id("instances")).getText()).contains("browser-open", "browser-0");
    screenshot("insight-overview.png");

    clickAndAwaitPage(By.linkText("browser-0"));
    assertThat(browser.findElement(By.id("steps")).getText()).contains("Review request", "sam", "Approve request");
    screenshot("insight-instance.png");
  }

  @Test
  void oliviaSetsATargetAndSeesLastWeekMissIt() throws IOException {
    TestHistory history = TestHistory.deploy(engine);
    LocalDateTime lastMonday = LocalDate.now(calendar.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1).atTime(10, 0);
    LocalDateTime mondayBefore = lastMonday.minusWeeks(1);
    ProcessInstance quick = history.start(mondayBefore, "quick", null);
    history.work(quick, REVIEW, "sam", mondayBefore, mondayBefore.plusMinutes(30));
    history.work(quick, APPROVE, "olivia", mondayBefore.plusMinutes(30), mondayBefore.plusHours(1));
    ProcessInstance slow = history.start(lastMonday, "slow", null);
    history.work(slow, REVIEW, "sam", lastMonday, lastMonday.plusDays(1));
    history.work(slow, APPROVE, "olivia", lastMonday.plusDays(1), lastMonday.plusDays(2));
    ClockUtil.reset();

    browser.get(url("/insight/targets.html"));
    browser.findElement(By.id("username")).sendKeys("olivia");
    browser.findElement(By.id("password")).sendKeys("olivia");
    clickAndAwaitPage(By.id("login"));
    new Select(browser.findElement(By.id("target-process"))).selectByValue(history.processKey());
    browser.findElement(By.id("cycle-time")).sendKeys("P1D");
    browser.findElement(By.cssSelector("#set-target button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.id("set-result"), "Saved."));

    // two working days (16 h) last week against one (8 h), after 1 h the week before
    assertThat(browser.findElement(By.id("scorecard")).getText())
        .contains("Insight test request Cycle time p90 P1D – – – – 1 h 16 h missed ▼ worse");
    assertThat(browser.findElement(By.id("targets")).getText()).contains(history.processKey() + " P1D", "olivia");
    screenshot("insight-targets.png");
  }

  /**
   * Clicks what leads to another page, waits until the page being left is gone and the new one
   * says it has loaded its data ({@code data-ready} on its body), and checks that it reported no
   * error.
   */
  private void clickAndAwaitPage(By link) {
    WebElement leaving = browser.findElement(By.tagName("body"));
    browser.findElement(link).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.stalenessOf(leaving));
    wait.ignoring(StaleElementReferenceException.class).until(b -> {
      WebElement body = b.findElement(By.tagName("body"));
      return "true".equals(body.getDomAttribute("data-ready")) || body.getDomAttribute("data-error") != null;
    });
    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-error")).isNull();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
