package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/** Camunda Tasklist: filters on the left, the filter's tasks in the middle, the open task on the right. */
final class Tasklist {

  static final String PATH = "/camunda/app/tasklist/default/";
  private static final By FILTERS = By.cssSelector(".task-filter");
  private static final By TASKS_LOADING = By.cssSelector("[cam-tasks] .loader");
  private static final By TASK = By.cssSelector("section.task-card");
  private static final By TASK_NAME = By.cssSelector("section.task-card h2.task");
  private static final By CLAIM = By.cssSelector("section.task-card button.claim");
  private static final By FORM_DISABLED = By.cssSelector("section.task-card .disabled-form");
  private static final By COMPLETE = By.xpath("//section[contains(@class, 'task-card')]"
      + "//div[contains(@class, 'form-actions')]/button[normalize-space(.)='Complete']");
  private static final By SAVE = By.xpath("//section[contains(@class, 'task-card')]"
      + "//div[contains(@class, 'form-actions')]/button[normalize-space(.)='Save']");
  private static final By COMPLETE_ENABLED = By.xpath("//section[contains(@class, 'task-card')]"
      + "//div[contains(@class, 'form-actions')]/button[normalize-space(.)='Complete' and not(@disabled)]");
  private static final By NO_TASK = By.cssSelector(".no-task");
  private static final By START_PROCESS = By.xpath("//*[@cam-widget-header]//a[normalize-space(.)='Start process']");
  private static final By START_DIALOG = By.cssSelector(".modal-content");
  private static final By START = By.xpath("//div[contains(@class, 'modal-footer')]//button[normalize-space(.)='Start']");
  private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");

  private final Browser browser;

  Tasklist(Browser browser) {
    this.browser = browser;
  }

  void logIn(String user) {
    new CamundaLogin(browser).logIn(PATH, user);
    browser.visible(FILTERS);
    browser.step("tasklist as " + user);
  }

  void openFilter(String name) {
    By filter = By.xpath("//div[contains(@class, 'task-filter')]//h4/a[starts-with(normalize-space(.), '" + name + "')]");
    browser.click(filter);
    browser.visible(By.xpath("//div[contains(@class, 'task-filter') and contains(@class, 'active')]"
        + "//h4/a[starts-with(normalize-space(.), '" + name + "')]"));
    browser.gone(TASKS_LOADING);
    browser.step("filter " + name);
  }

  /**
   * Finds the task in the filter's list by its name (and id, as other tasks may have the same
   * name) and opens it with its form.
   */
  void openTask(String name, String taskId) {
    By entry = By.cssSelector("ol.tasks-list h4.task a[href='#/?task=" + taskId + "']");
    assertThat(browser.visible(entry).getText()).isEqualTo(name);
    browser.click(entry);
    browser.until(driver -> driver.findElement(TASK_NAME).getText().equals(name));
    form();
    browser.step("open " + name);
  }

  void logOut() {
    new CamundaLogin(browser).logOut();
  }

  void claim() {
    browser.click(CLAIM);
    browser.gone(CLAIM);
    browser.gone(FORM_DISABLED);
    browser.step("claimed");
  }

  /** The Camunda Form of the open task. */
  CamundaForm form() {
    return new CamundaForm(browser, TASK);
  }

  /** Completes the open task; Tasklist closes it. */
  void complete() {
    browser.step("form filled");
    browser.click(COMPLETE);
    browser.visible(NO_TASK);
    browser.step("completed");
  }

  /**
   * Saves the form (Tasklist keeps it for later) and waits until Complete is enabled. Saving
   * validates the whole form: after a field of a dynamic list was edited, Tasklist 7.24 keeps
   * Complete disabled until then (form-js 1.8.7 leaves an empty error entry for list fields, which
   * Tasklist counts as an error; docs/weekly-review.md).
   */
  void save() {
    browser.click(SAVE);
    browser.visible(COMPLETE_ENABLED);
    browser.step("saved");
  }

  /** Presses Complete on a form that is not valid: the task stays open. */
  void completeRefused() {
    browser.step("form filled");
    browser.click(COMPLETE);
    browser.visible(By.cssSelector("section.task-card .fjs-form-field-error"));
    browser.visible(TASK);
    browser.step("complete refused");
  }

  /** Opens "Start process", picks the process by name and returns its start form. */
  CamundaForm startProcess(String processName) {
    browser.click(START_PROCESS);
    browser.click(By.xpath("//ul[contains(@class, 'processes')]//a[normalize-space(.)='" + processName + "']"));
    CamundaForm form = new CamundaForm(browser, START_DIALOG);
    browser.step("start " + processName);
    return form;
  }

  /** Starts the process with the filled start form. */
  void start() {
    browser.step("start form filled");
    browser.click(START);
    browser.gone(START_DIALOG);
    assertThat(browser.visible(NOTIFICATION).getText()).contains("The process has been started.");
    browser.step("process started");
  }
}
