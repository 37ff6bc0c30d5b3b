package io.opsflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/insight/actions} and its CSV: the improvement actions with their state, counted
 * per department and owner, for management and administrators only.
 */
@OpsflowSpringTest
class ActionApiTest {

  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();
  @RegisterExtension
  final ReviewWeeks weeks = new ReviewWeeks();

  @Autowired TestRestTemplate http;

  @BeforeEach
  void willAgreedTwoActionsForWendy() {
    ProcessInstance week = weeks.startAt(driver.at("2031-03-03T09:00"));
    driver.complete("will", weeks.reviewOf(week, "will").getId(), Map.of(WeeklyReview.FORM_ACTIONS, """
        [{"title":"Label the returns shelf","owner":"wendy","dueDate":"2031-03-04"},
         {"title":"Count the cable stock","owner":"wendy","dueDate":"2031-03-20"}]"""));
    driver.clockAt("2031-03-06T10:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"olivia", "will", "admin"})
  void managementAndAdministratorsSeeTheActions(String user) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity("/api/insight/actions", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.get("actions").findValuesAsText("title")).contains("Label the returns shelf", "Count the cable stock");
    JsonNode late = actionTitled(body, "Label the returns shelf");
    assertThat(late.get("state").asText()).isEqualTo("LATE");
    assertThat(late.get("department").asText()).isEqualTo("warehouse");
    assertThat(late.get("owner").asText()).isEqualTo("wendy");
    assertThat(late.get("dueDate").asText()).isEqualTo("2031-03-04");
    assertThat(late.get("agreedBy").asText()).isEqualTo("will");
    assertThat(actionTitled(body, "Count the cable stock").get("state").asText()).isEqualTo("OPEN");
    JsonNode wendy = null;
    for (JsonNode owner : body.get("owners")) {
      if (owner.get("owner").asText().equals("wendy") && owner.get("department").asText().equals("warehouse")) {
        wendy = owner;
      }
    }
    assertThat(wendy).isNotNull();
    assertThat(wendy.get("late").asLong()).isPositive();
    assertThat(wendy.get("open").asLong()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wendy", "sam", "felix"})
  void employeesAreRefused(String user) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity("/api/insight/actions", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody().get("detail").asText()).isEqualTo("insight is for management and administrators");
    assertThat(http.withBasicAuth(user, user).getForEntity("/api/insight/actions.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousIsAskedToLogIn() {
    assertThat(http.getForEntity("/api/insight/actions", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theActionsDownloadAsCsv() {
    ResponseEntity<String> csv = http.withBasicAuth("olivia", "olivia").getForEntity("/api/insight/actions.csv", String.class);

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("id,title,department,owner,dueDate,state,reviewWeek,agreedBy,agreedAt,doneBy,doneAt,result\r\n")
        .contains(",Label the returns shelf,warehouse,wendy,2031-03-04,LATE,2031-02-24,will,");
  }

  private static JsonNode actionTitled(JsonNode body, String title) {
    for (JsonNode action : body.get("actions")) {
      if (action.get("title").asText().equals(title)) {
        return action;
      }
    }
    throw new AssertionError("no action " + title + " in " + body);
  }
}
