package io.opsflow.clients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit: the dashboard, the list of deployed processes and a process's diagram with its running instances. */
final class Cockpit {

  static final String PATH = "/camunda/app/cockpit/default/";
  private static final By DASHBOARD = By.cssSelector(".dashboard section.actual .stats");
  private static final By DASHBOARD_LOADING = By.cssSelector(".dashboard section.loading");
  private static final By PROCESSES = By.xpath("//*[@cam-widget-header]//a[normalize-space(.)='Processes']");
  private static final By PROCESS_ROWS = By.cssSelector("tr[ng-repeat^='pd in processDefinitionData']");
  private static final By INSTANCES_LIST = By.cssSelector("tr[ng-repeat^='processInstance in processInstances']");

  private final Browser browser;

  Cockpit(Browser browser) {
    this.browser = browser;
  }

  void logIn(String user) {
    new CamundaLogin(browser).logIn(PATH, user);
    browser.visible(DASHBOARD);
    browser.gone(DASHBOARD_LOADING);
    browser.step("cockpit dashboard as " + user);
  }

  /** The deployed processes, by key, with their running instances. */
  Map<String, Integer> processes() {
    browser.click(PROCESSES);
    List<WebElement> rows = browser.all(PROCESS_ROWS);
    browser.step("processes");
    Map<String, Integer> running = new LinkedHashMap<>();
    for (WebElement row : rows) {
      running.put(row.findElement(By.cssSelector("td.key a")).getText(),
          Integer.valueOf(row.findElement(By.cssSelector("td.instances")).getText()));
    }
    return running;
  }

  /** Opens a process from the process list: its diagram, with a badge of running instances on each activity. */
  void openProcess(String key) {
    browser.click(By.xpath("//td[contains(@class, 'key')]//a[normalize-space(.)='" + key + "']"));
    browser.visible(By.cssSelector(".djs-container svg .djs-element"));
    browser.visible(INSTANCES_LIST);
    browser.step("process " + key);
  }

  /** The running-instances badge on an activity of the open diagram. */
  int instancesAt(String activityId) {
    return Integer.parseInt(browser.visible(By.cssSelector(
        ".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count")).getText());
  }
}
