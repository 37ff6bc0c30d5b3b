package io.opsflow.decide;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an "Approve" or "Reject" link of a mail leads, after the login: the task's summary, a
 * comment field and one button that decides. Opening the link changes nothing (mail scanners
 * open links too); only the button does. Every refusal is a page that says why, with its status.
 */
@Controller
class DecisionPage {

  private static final String TASKLIST = "/camunda/app/tasklist/";

  private final Decisions decisions;

  DecisionPage(Decisions decisions) {
    this.decisions = decisions;
  }

  @GetMapping(value = DecisionLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> confirm(CsrfToken csrf, @PathVariable String token, @RequestParam(required = false) String decision) {
    try {
      return ResponseEntity.ok(confirmation(csrf, token, decisions.prompt(token, decision)));
    } catch (ApiException refused) {
      return refusal(refused);
    }
  }

  @PostMapping(value = DecisionLinks.PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> decide(@PathVariable String token, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comment) {
    try {
      String done = decisions.decide(token, decision, comment);
      return ResponseEntity.ok(Page.of("Decided", "<p class=\"message ok\" id=\"message\">" + Page.text(done) + "</p>"
          + "<p><a href=\"" + TASKLIST + "\">Open Tasklist</a></p>"));
    } catch (ApiException refused) {
      return refusal(refused);
    }
  }

  private static String confirmation(CsrfToken csrf, String token, Decisions.Prompt prompt) {
    boolean approve = DecisionForm.APPROVE.equals(prompt.decision());
    StringBuilder summary = new StringBuilder();
    prompt.summary().forEach(text -> summary.append("<div class=\"summary\">").append(Page.text(text)).append("</div>"));
    String other = approve ? DecisionForm.REJECT : DecisionForm.APPROVE;
    return Page.of(prompt.taskName(), "<section id=\"task\"><p><strong>" + Page.text(prompt.processName()) + "</strong>"
        + (prompt.businessKey() == null ? "" : " " + Page.text(prompt.businessKey())) + "<br>Due "
        + Page.text(prompt.due()) + "</p>"
        + (prompt.description() == null ? "" : "<p class=\"hint\">" + Page.text(prompt.description()) + "</p>")
        + summary + "</section>"
        + "<section><form method=\"post\" action=\"" + DecisionLinks.PATH + Page.text(token) + "\">"
        + "<input type=\"hidden\" name=\"decision\" value=\"" + prompt.decision() + "\">"
        + "<label>Comment (optional)<textarea name=\"comment\" id=\"comment\" maxlength=\"4000\"></textarea></label>"
        + Page.csrfField(csrf)
        + "<button type=\"submit\" id=\"decide\"" + (approve ? "" : " class=\"reject\"") + ">"
        + Page.text(prompt.decisionLabel()) + "</button></form>"
        + "<p class=\"hint\">Not what you meant? <a href=\"" + DecisionLinks.PATH + Page.text(token) + "?decision=" + other
        + "\">" + (approve ? "Reject" : "Approve") + " instead</a>, or open the task in <a href=\"" + TASKLIST
        + "\">Tasklist</a>.</p></section>");
  }

  private static ResponseEntity<String> refusal(ApiException refused) {
    String message = refused.getMessage();
    return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_HTML)
        .body(Page.of("Not decided", "<p class=\"message problem\" id=\"message\">"
            + Page.text(Character.toUpperCase(message.charAt(0)) + message.substring(1)) + ".</p>"
            + "<p><a href=\"" + TASKLIST + "\">Open Tasklist</a></p>"));
  }
}
