package io.opsflow.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import io.opsflow.handbook.ProcessHandbook.FormField;
import io.opsflow.handbook.ProcessHandbook.Outcome;
import io.opsflow.handbook.ProcessHandbook.Step;
import io.opsflow.platform.ModelerDeployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

/**
 * A process drawn in Modeler without any Java and deployed from Modeler (the weekly stock review:
 * a working-calendar timer start, an SLA'd task with a form, a task nobody documented) gets its
 * handbook too, with its designers' text escaped, its gaps listed, and what changed in version 2.
 */
@OpsflowSpringTest
class ModelerProcessHandbookTest {

  private static final String KEY = "Process_WeeklyStockReview";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired Handbooks handbooks;
  @Autowired RepositoryService repositoryService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void aProcessFromModelerHasItsHandbookItsRecurringWorkAndItsGaps() throws IOException {
    deploy(model(), form());

    ProcessHandbook review = handbooks.of(KEY, null).orElseThrow();
    assertThat(review.recurring()).containsExactly("every Monday at 09:00, or the next working day when that day is not one");
    assertThat(review.steps()).extracting(Step::name).containsExactly("Count shelf stock", "Correct stock records");
    Step count = review.step("Task_CountShelfStock").orElseThrow();
    assertThat(count.sla()).contains("within 4 working hours; reminder when due, escalated to the lead of the group"
        + " (the manager of whoever has claimed it) 2 working hours later");
    assertThat(count.form()).extracting(FormField::label, FormField::required).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Shelf <i>counted</i>", true),
        org.assertj.core.groups.Tuple.tuple("Differences found", false),
        org.assertj.core.groups.Tuple.tuple("", false));
    assertThat(count.form().get(0).options()).containsExactly("Aisle A", "Aisle B");
    assertThat(count.outcomes()).containsExactly(new Outcome("Differences found? Yes", "Correct stock records"),
        new Outcome("Differences found? No", "the process ends: Stock reviewed"));
    assertThat(review.gaps()).containsExactly(
        "\"Count shelf stock\": form field \"note\" has no label",
        "\"Correct stock records\": no documentation (what to do)",
        "\"Correct stock records\": no SLA (due date and escalation)");

    PageSession wendy = new PageSession(port).logIn("wendy");
    assertThat(wendy.open("/handbook").body()).contains("Weekly stock review");
    String page = wendy.open("/handbook/processes/" + KEY).body();
    assertThat(page).contains("Count shelf stock", "Shelf &lt;i&gt;counted&lt;/i&gt;", "&lt;script&gt;alert(&#39;x&#39;)",
        "&lt;b&gt;orders&lt;/b&gt;", "<q>Aisle A</q>", "(required)", "Starts by itself every Monday at 09:00")
        .doesNotContain("<script>alert", "<i>counted", "<b>orders");
    assertThat(wendy.open("/handbook/roles/warehouse").body()).contains("Recurring work", "Weekly stock review</a>: starts"
        + " by itself every Monday at 09:00", "Count shelf stock");
    assertThat(new PageSession(port).logIn("sam").open("/handbook/processes/" + KEY).status())
        .as("neither sam's to start nor to work").isEqualTo(403);
    assertThat(new PageSession(port).logIn("admin").open("/handbook/gaps").body())
        .contains("Weekly stock review</a> (version 1)", "&quot;Correct stock records&quot;: no SLA");
  }

  @Test
  void version2SaysWhatChanged() throws IOException {
    deploy(model(), form());
    String changed = new String(model(), StandardCharsets.UTF_8)
        .replace("name=\"Correct stock records\"", "name=\"Fix stock records\"")
        .replace("${sla.workingHours('PT4H')}", "${sla.workingDays(1)}");
    String changedForm = new String(form(), StandardCharsets.UTF_8)
        .replace("{ \"id\": \"Field_Note\", \"key\": \"note\", \"type\": \"textarea\" }",
            "{ \"id\": \"Field_Note\", \"key\": \"note\", \"label\": \"Note\", \"type\": \"textarea\" }");
    deploy(changed.getBytes(StandardCharsets.UTF_8), changedForm.getBytes(StandardCharsets.UTF_8));

    ProcessHandbook v2 = handbooks.of(KEY, null).orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(VersionChanges.between(handbooks.previous(v2).orElseThrow(), v2)).containsExactly(
        "\"Count shelf stock\": the SLA is now within 1 working day; reminder when due, escalated to the lead of the group"
            + " (the manager of whoever has claimed it) 2 working hours later (was within 4 working hours; reminder when"
            + " due, escalated to the lead of the group (the manager of whoever has claimed it) 2 working hours later).",
        "\"Count shelf stock\": the form field \"Note\" changed (was \"note\").",
        "Step \"Correct stock records\" is now called \"Fix stock records\".");
    assertThat(new PageSession(port).logIn("olivia").open("/handbook/processes/" + KEY).body())
        .contains("Version 2, deployed", "Since version 1:", "is now called &quot;Fix stock records&quot;");
  }

  private void deploy(byte[] model, byte[] form) {
    ResponseEntity<String> deployed = ModelerDeployment.deploy(http, "admin", "weekly-stock-review",
        Map.of("weekly-stock-review.bpmn", model, "count-shelf-stock.form", form));
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    deployments.add(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getDeploymentId());
  }

  private static byte[] model() throws IOException {
    return new ClassPathResource("handbook/weekly-stock-review.bpmn").getContentAsByteArray();
  }

  private static byte[] form() throws IOException {
    return new ClassPathResource("handbook/count-shelf-stock.form").getContentAsByteArray();
  }
}
