package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The out-of-office page is a door too: an employee with a demo login and curl records, changes and
 * ends only their own absences, hands over only their own tasks, and only to someone who may
 * stand in for them; nobody takes someone else's work through it.
 */
@OpsflowSpringTest
class OutOfOfficeDoorTest {

  private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
  private static final String IN_TWO_DAYS = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2).toString();

  @RegisterExtension final Hostile hostile = new Hostile();

  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @AfterEach
  void removeAbsences() {
    jdbc.update("delete from sla_absence_handover");
    jdbc.update("delete from sla_absence where user_id in ('wendy', 'sam', 'fred')");
  }

  @Test
  void thePageNeedsALogin() {
    PageSession anonymous = new PageSession(port);

    assertThat(anonymous.get("/me/out-of-office").location()).endsWith("/me/login");
    assertThat(anonymous.get("/me/links").status()).isEqualTo(401);
    assertThat(anonymous.postExactly("/me/out-of-office", Map.of("from", TODAY, "to", TODAY, "substitute", "sam"))
        .status()).isIn(302, 403);
  }

  @Test
  void nobodyEndsOrChangesSomeoneElsesAbsence() {
    long wendysAbsence = hostile.post("wendy", "/api/absences",
        Map.of("from", IN_TWO_DAYS, "to", IN_TWO_DAYS, "substitute", "will")).getBody().get("id").asLong();
    PageSession sam = new PageSession(port).logIn("sam");
    sam.get("/me/out-of-office");

    PageSession.Answer ended = sam.post("/me/out-of-office/" + wendysAbsence + "/end", Map.of());
    PageSession.Answer changed = sam.post("/me/out-of-office/" + wendysAbsence,
        Map.of("from", IN_TWO_DAYS, "to", IN_TWO_DAYS, "substitute", "sam"));

    assertThat(ended.status()).isEqualTo(403);
    assertThat(changed.status()).isEqualTo(403);
    assertThat(changed.body()).contains("only management records absences of others");
    assertThat(jdbc.queryForObject("select substitute from sla_absence where id = ?", String.class, wendysAbsence))
        .isEqualTo("will");
  }

  @Test
  void nobodyTakesSomeoneElsesTasksByNamingThemselvesSubstitute() {
    JsonNode order = hostile.orderToPick();
    Task pick = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
    taskService.claim(pick.getId(), "wendy");
    PageSession sam = new PageSession(port).logIn("sam");
    sam.get("/me/out-of-office");

    PageSession.Answer forWendy = sam.post("/me/out-of-office",
        Map.of("userId", "wendy", "from", TODAY, "to", TODAY, "substitute", "sam"));
    var wendyToSam = hostile.post("wendy", "/api/absences", Map.of("from", TODAY, "to", TODAY, "substitute", "sam"));

    assertThat(forWendy.status()).as("the page records only the logged-in user's absence").isEqualTo(400);
    assertThat(forWendy.body()).contains("substitute: must be someone other than sam");
    Hostile.assertRefused(wendyToSam, HttpStatus.BAD_REQUEST,
        "substitute: sam is neither in warehouse nor the manager of wendy or one of their people");
    assertThat(taskService.createTaskQuery().taskId(pick.getId()).singleResult().getAssignee()).isEqualTo("wendy");
  }

  @Test
  void aHandOverMovesOnlyTheAbsentPersonsOwnTasks() {
    JsonNode order = hostile.orderToPick();
    Task pick = taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
    taskService.claim(pick.getId(), "wendy");
    PageSession will = new PageSession(port).logIn("will");
    will.get("/me/out-of-office");

    PageSession.Answer recorded = will.post("/me/out-of-office", Map.of("from", TODAY, "to", TODAY, "substitute", "wendy"));

    assertThat(recorded.status()).isEqualTo(303);
    assertThat(taskService.createTaskQuery().taskId(pick.getId()).singleResult().getAssignee()).isEqualTo("wendy");
    jdbc.update("delete from sla_absence where user_id = 'will'");
  }
}
