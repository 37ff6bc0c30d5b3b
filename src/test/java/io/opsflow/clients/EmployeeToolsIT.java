package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.notify.TestMailbox;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Employees' own tools: Opsflow's name instead of Camunda's in the webapps, the out-of-office page
 * from Tasklist's header, and an approval decided from the mail on a phone.
 */
@OpsflowSpringTest
class EmployeeToolsIT {

  @RegisterExtension
  static final Browser browser = new Browser();
  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();

  private static final Pattern APPROVE_LINK = Pattern.compile("Approve: (\\S+)");
  private static final Pattern REJECT_LINK = Pattern.compile("Reject:  (\\S+)");

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyWebappShowsOpsflowAndNoCamunda8Banner() {
    CamundaLogin login = new CamundaLogin(browser);
    for (String[] app : new String[][] {{"tasklist", "Tasklist", "olivia"}, {"cockpit", "Cockpit", "olivia"},
        {"admin", "Admin", "admin"}}) {
      login.logIn("/camunda/app/" + app[0] + "/default/", app[2]);
      assertThat(browser.title("Opsflow " + app[1])).doesNotContain("Camunda");
      assertThat(browser.visibleText()).doesNotContain("Camunda 8").doesNotContain("migration guide");
      if (app[0].equals("tasklist")) {
        browser.visible(By.cssSelector(".opsflow-link-out-of-office"));
        assertThat(browser.visible(By.cssSelector(".opsflow-link-insight")).getText()).isEqualTo("Insight");
        assertThat(browser.visible(By.cssSelector(".opsflow-link-handbook")).getText()).isEqualTo("Handbook");
      }
      browser.step("opsflow " + app[0]);
      login.logOut();
    }
  }

  @Test
  void anEmployeeRecordsAnAbsenceAndTheirTaskGoesToTheSubstitute() {
    JsonNode order = new OpsflowApi(http).placeOrder("sam");
    Task pick = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
    taskService.claim(pick.getId(), "wendy");

    browser.openLoaded("/camunda/app/tasklist/default/", By.cssSelector("form[name=signinForm]"));
    new Tasklist(browser).logIn("wendy");
    assertThat(browser.visibleText()).doesNotContain("Insight"); // not a manager
    browser.click(By.cssSelector(".opsflow-link-out-of-office"));
    browser.visible(By.cssSelector("form.absence-form"));
    browser.step("out of office page");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    fillAbsence(today, today.plusDays(2), "will");
    browser.step("absence recorded");

    browser.showsText(By.id("message"), "Recorded: you are away");
    assertThat(browser.visible(By.id("message")).getText()).contains("Will Warehouse (will)");
    assertThat(taskService.createTaskQuery().taskId(pick.getId()).singleResult().getAssignee()).isEqualTo("will");
    assertThat(taskService.getTaskComments(pick.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).contains("Handed over from", "to Will Warehouse"));

    browser.click(By.cssSelector("button.end"));
    browser.showsText(By.id("message"), "Welcome back");
    assertThat(browser.visible(By.id("handed-over")).getText()).contains("Pick and pack order", "to Will Warehouse (will)",
        "(Europe/Berlin)");
    browser.step("absence ended, list of what was handed over");
    assertThat(mailbox.awaitMails("wendy", "handed over while you were away", 1)).singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("Pick and pack order", "to Will Warehouse (will)"));
  }

  @Test
  void aManagerApprovesAnOrderFromTheMailOnAPhone() {
    JsonNode order = new OpsflowApi(http).placeOrderNeedingApproval("sam");
    long orderId = order.get("id").asLong();
    TestMailbox.ReceivedMail toFred = mailbox.awaitMails("fred", 1, "New task for your group: \"Approve order\"",
        "(Order fulfillment " + orderId + ")").get(0);
    TestMailbox.ReceivedMail toFiona = mailbox.awaitMails("fiona", 1, "New task for your group: \"Approve order\"",
        "(Order fulfillment " + orderId + ")").get(0);
    browser.viewport(390, 844);

    browser.open(local(link(APPROVE_LINK, toFred)));
    browser.type(By.id("username"), "fred");
    browser.type(By.id("password"), "fred");
    browser.step("login asked on a phone");
    browser.click(By.id("login"));
    assertThat(browser.visible(By.id("task")).getText()).contains("Order " + orderId, "(Europe/Berlin)");
    assertThat(browser.contentWidth()).as("no sideways scrolling").isLessThanOrEqualTo(390);
    browser.type(By.id("comment"), "Known customer, good payment record.");
    browser.step("approval to confirm on a phone");
    browser.click(By.id("decide"));

    assertThat(browser.visible(By.id("message")).getText()).contains("Approve the order: done");
    browser.step("approved on a phone");
    assertThat(new OpsflowApi(http).order("sam", orderId).get("status").asText()).isNotEqualTo("AWAITING_APPROVAL");
    assertThat(jdbc.queryForObject("select approval_decided_by from customer_order where id = ?", String.class, orderId))
        .isEqualTo("fred");

    browser.open(local(link(APPROVE_LINK, toFred)));
    assertThat(browser.visible(By.id("message")).getText()).contains("already used");
    browser.step("link used twice");

    browser.forgetLogins();
    browser.open(local(link(REJECT_LINK, toFiona)));
    browser.type(By.id("username"), "fiona");
    browser.type(By.id("password"), "fiona");
    browser.click(By.id("login"));
    assertThat(browser.visible(By.id("message")).getText()).contains("no longer open", "completed by fred");
    browser.step("link after the task was completed elsewhere");
    browser.viewport(1400, 1000);
  }

  private void fillAbsence(LocalDate from, LocalDate to, String substitute) {
    By form = By.cssSelector("section form.absence-form[action='/me/out-of-office']");
    setDate(By.cssSelector("section form.absence-form[action='/me/out-of-office'] input[name=from]"), from);
    setDate(By.cssSelector("section form.absence-form[action='/me/out-of-office'] input[name=to]"), to);
    new Select(browser.visible(By.cssSelector("section form.absence-form[action='/me/out-of-office'] select"))).selectByValue(substitute);
    browser.visible(form).submit();
  }

  /** A date input takes the date typed in the browser's locale; its value is set as the page would. */
  private void setDate(By input, LocalDate day) {
    browser.until(driver -> ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1]; return true;", driver.findElement(input), day.toString()));
  }

  private static String link(Pattern which, TestMailbox.ReceivedMail mail) {
    Matcher link = which.matcher(mail.body());
    assertThat(link.find()).as("a link in %s", mail.body()).isTrue();
    return link.group(1);
  }

  /** The mail's link, on this test's server (mails link to opsflow.public-url). */
  private static String local(String link) {
    return link.replaceFirst("^https?://[^/]+", "");
  }
}
