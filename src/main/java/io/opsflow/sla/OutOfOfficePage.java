package io.opsflow.sla;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.Page;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The out-of-office page of every employee: record, change and end their absences, see who stands
 * in for them and for whom they stand in, and what was handed over while they were away. The
 * same rules as {@code /api/absences} ({@link AbsenceRegister}); a refusal shows its message.
 */
@Controller
class OutOfOfficePage {

  static final String PATH = "/me/out-of-office";
  private static final String OK = "ok";

  private final AbsenceRegister register;
  private final AbsenceHandover handover;
  private final Absences absences;
  private final TaskMails mails;
  private final CalendarDates dates;

  OutOfOfficePage(AbsenceRegister register, AbsenceHandover handover, Absences absences, TaskMails mails,
      CalendarDates dates) {
    this.register = register;
    this.handover = handover;
    this.absences = absences;
    this.mails = mails;
    this.dates = dates;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String show(CsrfToken csrf, Model model) {
    Object done = model.getAttribute(OK);
    return page(csrf, done == null ? "" : "<p class=\"message ok\" id=\"message\">" + Page.text(done) + "</p>");
  }

  @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> record(CsrfToken csrf, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String substitute,
      RedirectAttributes redirect) {
    return act(csrf, redirect, () -> said(register.record(null, day("from", from), day("to", to), required(substitute)),
        "Recorded: you are away"));
  }

  @PostMapping(value = PATH + "/{id}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> change(CsrfToken csrf, @PathVariable long id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String substitute,
      RedirectAttributes redirect) {
    return act(csrf, redirect, () -> said(register.change(id, day("from", from), day("to", to), required(substitute)),
        "Changed: you are away"));
  }

  @PostMapping(value = PATH + "/{id}/end", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> end(CsrfToken csrf, @PathVariable long id, RedirectAttributes redirect) {
    return act(csrf, redirect, () -> {
      register.end(id);
      return "Your absence is ended. Welcome back!";
    });
  }

  /** Runs a change; on success back to the page with what was done, on a refusal the page with the reason. */
  private ResponseEntity<String> act(CsrfToken csrf, RedirectAttributes redirect, Supplier<String> change) {
    try {
      redirect.addFlashAttribute(OK, change.get());
      return ResponseEntity.status(303).header("Location", PATH).build();
    } catch (ApiException refused) {
      return ResponseEntity.status(refused.status()).contentType(MediaType.TEXT_HTML)
          .body(page(csrf, "<p class=\"message problem\" id=\"message\">Not saved: " + Page.text(refused.getMessage()) + "</p>"));
    }
  }

  private String said(AbsenceRegister.Recorded recorded, String what) {
    Absence absence = recorded.absence();
    StringBuilder said = new StringBuilder(what + " from " + dates.day(absence.from()) + " to " + dates.day(absence.to())
        + "; " + mails.nameOf(absence.substitute()) + " stands in for you.");
    recorded.notices().forEach(notice -> said.append(' ').append(notice).append('.'));
    return said.toString();
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badField(field, "is required");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badField(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static String required(String substitute) {
    if (substitute == null || substitute.isBlank()) {
      throw ApiException.badField("substitute", "is required");
    }
    return substitute.strip();
  }

  private String page(CsrfToken csrf, String message) {
    List<String> candidates = register.substitutesForMe();
    StringBuilder body = new StringBuilder(message);
    body.append("<p class=\"hint\">Today is ").append(Page.text(dates.day(absences.today())))
        .append(". While you are away, the tasks you hold on your first day and those assigned to you later go to your"
            + " substitute, each with a comment; when you are back you get the list by mail and here.</p>");
    body.append("<section id=\"absences\"><h2>Your absences</h2>");
    List<Absence> mine = register.upcoming(null);
    if (mine.isEmpty()) {
      body.append("<p>None recorded: you are in.</p>");
    }
    for (Absence absence : mine) {
      boolean running = absence.runsOn(absences.today());
      body.append("<div class=\"absence\"><p><strong>").append(running ? "Away now" : "Planned").append(":</strong> ")
          .append(Page.text(dates.day(absence.from()))).append(" to ").append(Page.text(dates.day(absence.to())))
          .append(", substitute ").append(Page.text(mails.nameOf(absence.substitute()))).append("</p>")
          .append(form(csrf, PATH + "/" + absence.id(), absence.from(), absence.to(), absence.substitute(), candidates, "Change"))
          .append("<form method=\"post\" action=\"").append(PATH).append('/').append(absence.id()).append("/end\">")
          .append(Page.csrfField(csrf)).append("<button type=\"submit\" class=\"secondary end\">")
          .append(running ? "End it: I am back" : "Cancel it").append("</button></form></div>");
    }
    body.append("</section><section><h2>Record an absence</h2>")
        .append(form(csrf, PATH, null, null, null, candidates, "Record absence")).append("</section>");
    body.append("<section id=\"standing-in\"><h2>You stand in for</h2>");
    List<Absence> standingIn = register.standingInFor();
    body.append(standingIn.isEmpty() ? "<p>Nobody.</p>" : "<ul class=\"list\">");
    standingIn.forEach(absence -> body.append("<li>").append(Page.text(mails.nameOf(absence.userId()))).append(", ")
        .append(Page.text(dates.day(absence.from()))).append(" to ").append(Page.text(dates.day(absence.to())))
        .append("</li>"));
    body.append(standingIn.isEmpty() ? "" : "</ul>").append("</section>");
    body.append("<section id=\"handed-over\"><h2>Handed over while you were away</h2>");
    List<Absence> reported = register.reported();
    if (reported.isEmpty()) {
      body.append("<p>Nothing in the last 30 days.</p>");
    }
    reported.forEach(absence -> body.append(handedOver(absence)));
    body.append("</section>");
    return Page.of("Out of office", body.toString());
  }

  private String handedOver(Absence absence) {
    List<HandedOverTask> tasks = handover.of(absence);
    StringBuilder list = new StringBuilder("<h3>").append(Page.text(dates.day(absence.from()))).append(" to ")
        .append(Page.text(dates.day(absence.to()))).append("</h3>");
    list.append(tasks.isEmpty() ? "<p>No task had to be handed over.</p>" : "<ul class=\"list\">");
    tasks.forEach(task -> list.append("<li><a href=\"").append(Page.text(mails.link(task.taskId()))).append("\">")
        .append(Page.text(task.taskName())).append("</a> (").append(Page.text(task.processName()))
        .append(task.businessKey() == null ? "" : " " + Page.text(task.businessKey())).append(") to ")
        .append(Page.text(mails.nameOf(task.handedTo()))).append(", ").append(Page.text(dates.time(task.handedAt())))
        .append("</li>"));
    return list.append(tasks.isEmpty() ? "" : "</ul>").toString();
  }

  private String form(CsrfToken csrf, String action, LocalDate from, LocalDate to, String substitute,
      List<String> candidates, String button) {
    StringBuilder options = new StringBuilder("<option value=\"\">choose</option>");
    candidates.forEach(candidate -> options.append("<option value=\"").append(Page.text(candidate)).append('"')
        .append(candidate.equals(substitute) ? " selected" : "").append('>').append(Page.text(mails.nameOf(candidate)))
        .append("</option>"));
    return "<form method=\"post\" action=\"" + action + "\" class=\"absence-form\"><div class=\"row\">"
        + "<label>First day away <input type=\"date\" name=\"from\" value=\"" + (from == null ? "" : from) + "\" required></label>"
        + "<label>Last day away <input type=\"date\" name=\"to\" value=\"" + (to == null ? "" : to) + "\" required></label>"
        + "</div><label>Substitute <select name=\"substitute\" required>" + options + "</select></label>"
        + Page.csrfField(csrf) + "<button type=\"submit\">" + button + "</button></form>";
  }
}
