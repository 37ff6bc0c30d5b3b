package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Wendy opens the handbook from her task in Tasklist and lands at its step, then prints what the
 * warehouse does to PDF (Chromium's print) without the navigation.
 */
@OpsflowSpringTest
class HandbookInTasklistIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired TestRestTemplate http;
  @Autowired TaskService taskService;

  @Test
  void wendyOpensTheStepOfHerTaskAndPrintsTheWarehousesHandbook() {
    JsonNode order = new OpsflowApi(http).placeOrder("sam");
    String instance = order.get("processInstanceId").asText();
    String pick = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

    browser.openLoaded(Tasklist.PATH, By.cssSelector("form[name=signinForm]"));
    Tasklist tasklist = new Tasklist(browser);
    tasklist.logIn("wendy");
    tasklist.openFilter("My group tasks");
    tasklist.openTask("Pick and pack order", pick);
    browser.click(By.xpath("//section[contains(@class, 'task-card')]//a[normalize-space(.)='Handbook']"));
    String link = browser.visible(By.cssSelector(".opsflow-handbook-link")).getDomAttribute("href");
    browser.step("handbook tab of the task");

    browser.open(link);
    browser.until(driver -> driver.getCurrentUrl().contains("/handbook/processes/Process_OrderFulfillment?version=")
        && driver.getCurrentUrl().endsWith("#step-Task_PickAndPackOrder"));
    browser.visible(By.cssSelector("#diagram svg [data-element-id='Task_PickAndPackOrder']"));
    assertThat(browser.visible(By.id("step-Task_PickAndPackOrder")).getText()).contains("Pick and pack order",
        "Warehouse", "Items are missing", "Within 8 working hours; reminder when due");
    browser.step("the step in the handbook");

    browser.open("/handbook/roles/warehouse");
    assertThat(browser.title("Opsflow: What Warehouse does")).isEqualTo("Opsflow: What Warehouse does");
    browser.visible(By.cssSelector("nav.handbook-nav"));
    browser.step("what the warehouse does");
    browser.media("print");
    browser.gone(By.cssSelector("nav.handbook-nav"));
    browser.gone(By.tagName("header"));
    assertThat(browser.visibleText()).contains("Pick and pack order", "Ship order").doesNotContain("All processes");
    browser.step("as printed");
    byte[] pdf = browser.printToPdf("warehouse handbook");
    browser.media("");

    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(pdf.length).isGreaterThan(10_000);
  }
}
