package io.opsflow.clients;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Opsflow's Cockpit plugin: the "Versions" tab of a process and the "Repair" tab of an instance. */
final class CockpitRepair {

  private static final By RESULT = By.id("opsflow-result");
  private static final By ERROR = By.cssSelector(".opsflow-error");
  private static final By REASON = By.id("opsflow-reason");

  private final Browser browser;

  CockpitRepair(Browser browser) {
    this.browser = browser;
  }

  /** Opens the process version's page in Cockpit and its "Versions" tab. */
  void openVersions(String processDefinitionId) {
    browser.open(Cockpit.PATH + "#/process-definition/" + processDefinitionId + "/runtime");
    openTab("Versions");
    browser.step("versions tab");
  }

  /** Opens the instance's page in Cockpit and its "Repair" tab. */
  void openRepair(String processInstanceId) {
    browser.open(Cockpit.PATH + "#/process-instance/" + processInstanceId + "/runtime");
    openTab("Repair");
    browser.step("repair tab");
  }

  /** The running instances shown for a version. */
  int runningIn(int version) {
    return Integer.parseInt(browser.visible(By.xpath("//table[@id='opsflow-versions']//tr[td[1]='" + version
        + "']/td[2]")).getText());
  }

  /** Runs the dry run; returns how many instances it says can be migrated. */
  int dryRun() {
    browser.click(By.id("opsflow-dry-run"));
    String migratable = browser.visible(By.id("opsflow-migratable")).getText();
    browser.step("dry run");
    return Integer.parseInt(migratable);
  }

  /** The reason a blocked instance stays, as the dry run lists it. */
  String blockedReason(String instanceId) {
    return browser.visible(By.xpath("//table[@id='opsflow-blocked']//tr[td[1]='" + instanceId + "']/td[4]")).getText();
  }

  /** Migrates with this reason; returns what the plugin says was done. */
  String migrate(String reason) {
    browser.type(REASON, reason);
    browser.click(By.id("opsflow-migrate"));
    String migrated = browser.visible(By.id("opsflow-migrated")).getText();
    browser.step("migrated");
    return migrated;
  }

  /** Moves the instance from its only active step to another; returns where it is now. */
  String moveTo(String stepId, String reason) {
    new Select(browser.visible(By.id("opsflow-move-to"))).selectByValue(stepId);
    browser.type(REASON, reason);
    browser.click(By.id("opsflow-move"));
    String now = browser.visible(By.id("opsflow-now-at")).getText();
    browser.step("moved");
    return now;
  }

  /** The refusal the tab shows. */
  String refusal() {
    String message = browser.visible(ERROR).getText();
    browser.step("refused");
    return message;
  }

  private void openTab(String label) {
    browser.click(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space(.)='" + label + "']"));
    browser.until(driver -> !driver.findElements(RESULT).isEmpty() || !driver.findElements(ERROR).isEmpty());
  }
}
