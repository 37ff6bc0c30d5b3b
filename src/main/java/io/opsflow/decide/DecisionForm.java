package io.opsflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decision from the mail needs of a task's Camunda Form: a choice field (radio or select)
 * with the values {@code approve} and {@code reject}, an optional text area {@code comment}, and
 * the texts the form shows (its summary, with {@code {{variable}}} filled in). A form without
 * such a choice is no approval: its mails carry no links.
 *
 * @param choiceField the key of the choice, such as {@code approvalDecision}
 * @param labels what the form calls each choice, by value ("Approve the order")
 * @param commentField the key of the comment text area, or null (the comment becomes a task comment)
 * @param texts the form's text components, in order
 */
record DecisionForm(String choiceField, Map<String, String> labels, String commentField, List<String> texts) {

  static final String APPROVE = "approve";
  static final String REJECT = "reject";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A character Markdown shows as it is when a backslash escapes it. */
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>])");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  /** The approval in this form, if it has one. */
  static Optional<DecisionForm> of(InputStream form) {
    try {
      JsonNode components = JSON.readTree(form).path("components");
      String choice = null;
      Map<String, String> labels = Map.of();
      String comment = null;
      List<String> texts = new ArrayList<>();
      for (JsonNode component : components) {
        String type = component.path("type").asText();
        String key = component.path("key").asText(null);
        if ("text".equals(type)) {
          texts.add(component.path("text").asText());
        } else if ("textarea".equals(type) && "comment".equals(key)) {
          comment = key;
        } else if (("radio".equals(type) || "select".equals(type)) && choice == null && key != null) {
          Map<String, String> values = new LinkedHashMap<>();
          component.path("values").forEach(value -> values.put(value.path("value").asText(), value.path("label").asText()));
          if (values.containsKey(APPROVE) && values.containsKey(REJECT)) {
            choice = key;
            labels = Map.copyOf(values);
          }
        }
      }
      return choice == null ? Optional.empty() : Optional.of(new DecisionForm(choice, labels, comment, List.copyOf(texts)));
    } catch (IOException e) {
      throw new UncheckedIOException("form is not valid JSON", e);
    }
  }

  /** The form's texts as plain text: the task's variables in the placeholders, Markdown headings, bold and escapes undone. */
  List<String> summary(Map<String, Object> variables) {
    List<String> lines = new ArrayList<>();
    for (String text : texts) {
      Matcher placeholder = PLACEHOLDER.matcher(text);
      StringBuilder filled = new StringBuilder();
      while (placeholder.find()) {
        Object value = variables.get(placeholder.group(1));
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
      }
      placeholder.appendTail(filled);
      lines.add(plainText(filled.toString()));
    }
    return lines;
  }

  /** Markdown as text to read: no heading or bold marks, table rows as "a · b", no escaping backslashes. */
  private static String plainText(String markdown) {
    String text = markdown.replaceAll("(?m)^#+\\s*", "").replaceAll("(?m)^\\|[-:| ]+\\|\\s*\\n", "")
        .replaceAll("(?m)^\\|\\s*(.*?)\\s*\\|\\s*$", "$1").replaceAll("(?<!\\\\) \\| ", " · ").replace("**", "");
    return MARKDOWN_ESCAPE.matcher(text).replaceAll("$1").strip();
  }

  String label(String decision) {
    return labels.getOrDefault(decision, decision);
  }
}
