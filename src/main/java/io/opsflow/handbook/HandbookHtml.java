package io.opsflow.handbook;

import static io.opsflow.platform.Page.text;

import io.opsflow.handbook.ProcessHandbook.FormField;
import io.opsflow.handbook.ProcessHandbook.Outcome;
import io.opsflow.handbook.ProcessHandbook.Performer;
import io.opsflow.handbook.ProcessHandbook.Step;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.HandbookLinks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The handbook as HTML in the frame of Opsflow's pages: every text from a model or form escaped
 * (designers' text is not trusted), a print stylesheet that gives a page per process.
 */
@Component
class HandbookHtml {

  static final String HEAD = """
      <link rel="stylesheet" href="/handbook/handbook.css">
      """;
  static final String DIAGRAM_HEAD = HEAD + """
      <link rel="stylesheet" href="/insight/vendor/bpmn-js/diagram-js.css">
      <link rel="stylesheet" href="/insight/vendor/bpmn-js/bpmn-js.css">
      <script src="/insight/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js" defer></script>
      <script src="/handbook/handbook.js" defer></script>
      """;

  private final CalendarDates dates;

  HandbookHtml(CalendarDates dates) {
    this.dates = dates;
  }

  /** The navigation of every handbook page (left out in print). */
  String nav(HandbookAccess.Reader reader, Function<String, String> groupName) {
    StringBuilder nav = new StringBuilder("<nav class=\"handbook-nav\"><a href=\"" + HandbookLinks.PATH + "\">All processes</a>");
    for (String group : reader.groups()) {
      nav.append(" <a href=\"").append(text(rolePath(group))).append("\">").append(text("What " + groupName.apply(group)
          + " does")).append("</a>");
    }
    if (reader.isAdministrator()) {
      nav.append(" <a href=\"").append(HandbookLinks.PATH).append("/gaps\">What the handbook cannot explain yet</a>");
    }
    return nav.append(" <button type=\"button\" class=\"print\" onclick=\"window.print()\">Print</button></nav>").toString();
  }

  String index(List<ProcessHandbook> processes) {
    if (processes.isEmpty()) {
      return "<p>No process of yours is deployed yet.</p>";
    }
    return "<section><p class=\"hint\">Generated from the processes that run: always what is done today.</p>"
        + "<ul class=\"list processes\">" + processes.stream().map(p -> "<li><a href=\"" + text(HandbookLinks.process(p.key()))
            + "\">" + text(p.name()) + "</a>" + (p.isRecurring() ? " <span class=\"tag\">recurring</span>" : "")
            + "<br><span class=\"hint\">" + text(firstSentence(p.purpose())) + "</span></li>")
        .collect(Collectors.joining()) + "</ul></section>";
  }

  String process(ProcessHandbook handbook, List<String> changes, boolean hasPrevious, Function<String, String> groupName) {
    StringBuilder html = new StringBuilder("<article class=\"process\" id=\"process-").append(text(handbook.key()))
        .append("\">");
    html.append(purpose(handbook));
    html.append("<div class=\"diagram\" id=\"diagram\" data-diagram=\"")
        .append(text(HandbookLinks.process(handbook.key()) + "/diagram?version=" + handbook.version()))
        .append("\" aria-label=\"Diagram\"></div>");
    html.append("<section class=\"changes\"><h2>What changed</h2>");
    if (!hasPrevious) {
      html.append("<p>This is the first version.</p>");
    } else if (changes.isEmpty()) {
      html.append("<p>Nothing that changes the work since version ").append(handbook.version() - 1).append(".</p>");
    } else {
      html.append("<p>Since version ").append(handbook.version() - 1).append(":</p><ul class=\"list\">")
          .append(changes.stream().map(c -> "<li>" + text(c) + "</li>").collect(Collectors.joining())).append("</ul>");
    }
    html.append("</section><h2>Steps</h2>");
    handbook.steps().forEach(step -> html.append(step(step, groupName)));
    return html.append("</article>").toString();
  }

  /** A group's work: every process it works in, with only its steps, a printed page per process. */
  String role(String group, List<ProcessHandbook> processes, Function<String, String> groupName) {
    StringBuilder html = new StringBuilder();
    List<ProcessHandbook> recurring = processes.stream().filter(ProcessHandbook::isRecurring).toList();
    html.append("<section class=\"recurring\"><h2>Recurring work</h2>");
    if (recurring.isEmpty()) {
      html.append("<p>None: every process of ").append(text(groupName.apply(group))).append(" starts when work comes in.</p>");
    } else {
      html.append("<ul class=\"list\">").append(recurring.stream().map(p -> "<li><a href=\"#process-" + text(p.key())
          + "\">" + text(p.name()) + "</a>: starts by itself " + text(String.join("; ", p.recurring())) + "</li>")
          .collect(Collectors.joining())).append("</ul>");
    }
    html.append("</section>");
    if (processes.isEmpty()) {
      html.append("<p>No step of any process is offered to this group.</p>");
    }
    for (ProcessHandbook process : processes) {
      html.append("<article class=\"process\" id=\"process-").append(text(process.key())).append("\"><h2>")
          .append("<a href=\"").append(text(HandbookLinks.process(process.key()))).append("\">")
          .append(text(process.name())).append("</a></h2>").append(purpose(process));
      process.stepsOf(group).forEach(step -> html.append(step(step, groupName)));
      html.append("</article>");
    }
    return html.toString();
  }

  String gaps(List<ProcessHandbook> processes) {
    StringBuilder html = new StringBuilder("<p class=\"hint\">For designers: what to add in Modeler so that the handbook"
        + " explains every step (documentation, form labels, the SLA template).</p>");
    boolean none = true;
    for (ProcessHandbook process : processes) {
      List<String> gaps = process.gaps();
      if (!gaps.isEmpty()) {
        none = false;
        html.append("<section class=\"gaps\" id=\"gaps-").append(text(process.key())).append("\"><h2><a href=\"")
            .append(text(HandbookLinks.process(process.key()))).append("\">").append(text(process.name()))
            .append("</a> (version ").append(process.version()).append(")</h2><ul class=\"list\">")
            .append(gaps.stream().map(g -> "<li>" + text(g) + "</li>").collect(Collectors.joining())).append("</ul></section>");
      }
    }
    return none ? html + "<p>Nothing: the handbook explains every step.</p>" : html.toString();
  }

  private String purpose(ProcessHandbook handbook) {
    return "<section class=\"purpose\">" + paragraphs(handbook.purpose(), "No purpose written yet.")
        + "<p class=\"hint version\">Version " + handbook.version()
        + (handbook.deployedAt() == null ? "" : ", deployed " + text(dates.time(handbook.deployedAt()))) + "</p>"
        + (handbook.isRecurring() ? "<p class=\"recurring\">Starts by itself " + text(String.join("; ", handbook.recurring()))
            + ".</p>" : "")
        + "</section>";
  }

  private String step(Step step, Function<String, String> groupName) {
    StringBuilder html = new StringBuilder("<section class=\"step\" id=\"").append(text(HandbookLinks.anchor(step.id())))
        .append("\"><h3>").append(text(step.name())).append("</h3><dl>");
    html.append("<dt>Who</dt><dd class=\"who\">").append(text(who(step.performer(), groupName))).append("</dd>");
    html.append("<dt>What to do</dt><dd class=\"what\">").append(paragraphs(step.documentation(),
        step.isStart() ? "Fill in the start form." : "Not written down yet.")).append("</dd>");
    html.append("<dt>The form asks</dt><dd class=\"form\">").append(form(step)).append("</dd>");
    if (!step.isStart()) {
      html.append("<dt>By when</dt><dd class=\"sla\">").append(text(step.sla().map(HandbookHtml::capitalised)
          .orElse("No due date."))).append("</dd>");
    }
    html.append("<dt>What happens next</dt><dd class=\"next\">").append(outcomes(step.outcomes())).append("</dd>");
    return html.append("</dl></section>").toString();
  }

  private static String form(Step step) {
    if (step.formRef() == null) {
      return "No form.";
    }
    if (!step.formFound()) {
      return "Its form is not deployed.";
    }
    if (step.form().isEmpty()) {
      return "Nothing to fill in.";
    }
    return "<ul class=\"fields\">" + step.form().stream().map(HandbookHtml::field).collect(Collectors.joining()) + "</ul>";
  }

  private static String field(FormField field) {
    List<String> notes = new ArrayList<>();
    if (field.required()) {
      notes.add("required");
    }
    if (field.onlySometimes()) {
      notes.add("only when it applies");
    }
    return "<li><span class=\"label\">" + text(field.label().isBlank() ? field.key() : field.label()) + "</span>"
        + (notes.isEmpty() ? "" : " <span class=\"hint\">(" + text(String.join(", ", notes)) + ")</span>")
        + (field.options().isEmpty() ? "" : ": one of " + field.options().stream().map(o -> "<q>" + text(o) + "</q>")
            .collect(Collectors.joining(", ")))
        + (field.description().isBlank() ? "" : "<br><span class=\"hint\">" + text(field.description()) + "</span>")
        + "</li>";
  }

  private static String outcomes(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return "The process ends.";
    }
    return "<ul class=\"outcomes\">" + outcomes.stream().map(o -> "<li>" + (o.when().isBlank() ? ""
        : "<span class=\"when\">" + text(o.when()) + "</span> → ") + text(o.then()) + "</li>").collect(Collectors.joining())
        + "</ul>";
  }

  /** Who does a step, in words: "Warehouse", "the person the process assigns for each case", ... */
  static String who(Performer performer, Function<String, String> groupName) {
    if (performer.starter()) {
      return "Whoever starts the process.";
    }
    List<String> parts = new ArrayList<>();
    if (performer.personChosenByProcess()) {
      parts.add("the person the process assigns for each case");
    }
    performer.users().forEach(user -> parts.add("user " + user));
    if (!performer.groups().isEmpty()) {
      parts.add((parts.isEmpty() ? "" : "or anyone of ")
          + performer.groups().stream().map(groupName).collect(Collectors.joining(" or ")));
    }
    if (performer.groupChosenByProcess()) {
      parts.add((parts.isEmpty() ? "" : "or ") + "the team the case concerns");
    }
    return parts.isEmpty() ? "Nobody is named." : capitalised(String.join(", ", parts)) + ".";
  }

  private static String paragraphs(String text, String ifEmpty) {
    if (text == null || text.isBlank()) {
      return "<p class=\"missing\">" + text(ifEmpty) + "</p>";
    }
    return Arrays.stream(text.split("\\n\\s*\\n")).map(p -> "<p>" + text(p.strip()) + "</p>").collect(Collectors.joining());
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String rolePath(String group) {
    return HandbookLinks.PATH + "/roles/" + java.net.URLEncoder.encode(group, java.nio.charset.StandardCharsets.UTF_8);
  }
}
