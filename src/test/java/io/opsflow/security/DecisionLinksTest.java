package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import io.opsflow.notify.TestMailbox;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "Approve" and "Reject" links of approval mails are a door too: a link alone logs nobody in,
 * works only for the person it was sent to, once, while its task is open, and completes the task
 * only as that person may (rights, form, four eyes). A hostile employee has a demo login and curl.
 */
@OpsflowSpringTest
class DecisionLinksTest {

  private static final Pattern APPROVE = Pattern.compile("Approve: https?://[^/]+(\\S+)");

  @RegisterExtension final Hostile hostile = new Hostile();
  @RegisterExtension static final TestMailbox mailbox = new TestMailbox();

  @Autowired TaskService taskService;
  @LocalServerPort int port;

  JsonNode order;
  /** The link in fred's mail ({@code ?decision=approve}), and where its page sends the decision. */
  String approveAsFred;
  String decideAsFred;

  @BeforeEach
  void anOrderAwaitingFinance() {
    order = hostile.orderAwaitingApproval();
    approveAsFred = link(mailbox.awaitMails("fred", 1, "Approve order", "(Order fulfillment " + order.get("id").asLong() + ")").get(0).body());
    decideAsFred = approveAsFred.substring(0, approveAsFred.indexOf('?'));
  }

  @Test
  void aLinkAloneLogsNobodyIn() {
    PageSession anonymous = new PageSession(port);

    assertThat(anonymous.get(approveAsFred).location()).endsWith("/me/login");
    assertThat(anonymous.postExactly(decideAsFred, Map.of("decision", "approve")).status()).isIn(302, 403);
    assertOpen();
  }

  @Test
  void aLinkWorksOnlyForThePersonItWasSentTo() {
    PageSession sam = new PageSession(port).logIn("sam");

    PageSession.Answer opened = sam.get(approveAsFred);
    PageSession.Answer used = sam.post(decideAsFred, Map.of("decision", "approve"));

    assertThat(opened.status()).isEqualTo(403);
    assertThat(opened.body()).contains("sent to fred").doesNotContain("Order " + order.get("id").asLong() + ":");
    assertThat(used.status()).isEqualTo(403);
    assertOpen();
  }

  @Test
  void aForgedOrGuessedLinkIsRefused() {
    PageSession fred = new PageSession(port).logIn("fred");

    PageSession.Answer forged = fred.post("/me/decide/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Map.of("decision", "approve"));

    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.body()).contains("not valid");
    assertOpen();
  }

  @Test
  void aDecisionNeedsTheFormsTokenOfThisSite() {
    PageSession fred = new PageSession(port).logIn("fred");

    assertThat(fred.postExactly(decideAsFred, Map.of("decision", "approve")).status()).isEqualTo(403);
    assertOpen();
  }

  @Test
  void onlyTheFormsChoicesAreAccepted() {
    PageSession fred = new PageSession(port).logIn("fred");
    fred.get(approveAsFred);

    PageSession.Answer bad = fred.post(decideAsFred, Map.of("decision", "maybe"));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("Decision: must be approve or reject");
    assertOpen();
  }

  @Test
  void aLinkWorksOnceAndExpiresWithItsTask() {
    PageSession fred = new PageSession(port).logIn("fred");
    fred.get(approveAsFred);

    PageSession.Answer approved = fred.post(decideAsFred, Map.of("decision", "approve", "comment", "fine"));
    PageSession.Answer again = fred.post(decideAsFred, Map.of("decision", "reject"));

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isNotEqualTo("AWAITING_APPROVAL");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already used");
  }

  @Test
  void whoMayNotWorkTheTaskAnyMoreCannotUseTheirLink() {
    Task approval = task();
    taskService.claim(approval.getId(), "fiona"); // the lead took it over
    PageSession fred = new PageSession(port).logIn("fred");
    fred.get(approveAsFred);

    PageSession.Answer refused = fred.post(decideAsFred, Map.of("decision", "approve"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("assigned to fiona");
    assertThat(task().getAssignee()).isEqualTo("fiona");
  }

  private void assertOpen() {
    assertThat(task()).as("the approval is still open").isNotNull();
    assertThat(task().getAssignee()).isNull();
    assertThat(hostile.order(order.get("id").asLong()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
  }

  private Task task() {
    return taskService.createTaskQuery().processInstanceId(order.get("processInstanceId").asText()).singleResult();
  }

  private static String link(String mail) {
    Matcher link = APPROVE.matcher(mail);
    assertThat(link.find()).as("an approve link in %s", mail).isTrue();
    return link.group(1);
  }
}
