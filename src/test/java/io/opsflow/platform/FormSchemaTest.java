package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The fields of groups with a path, as the order entry form has them: one JSON variable per group. */
class FormSchemaTest {

  static final FormSchema ORDER_LINES = FormSchema.parse(new ByteArrayInputStream("""
      {"id": "lines", "components": [
        {"type": "group", "label": "Line 1", "path": "line1", "components": [
          {"type": "textfield", "key": "sku", "label": "SKU", "validate": {"required": true}},
          {"type": "number", "key": "quantity", "label": "Quantity", "validate": {"required": true, "min": 1}}]},
        {"type": "group", "label": "Line 2", "path": "line2", "conditional": {"hide": "=line1.sku = null"},
         "components": [
          {"type": "textfield", "key": "sku", "label": "SKU", "validate": {"required": true}}]}]}
      """.getBytes(StandardCharsets.UTF_8)));

  @Test
  void aGroupsFieldsAreCheckedInsideItsJsonVariable() {
    Map<String, Object> submitted = Map.of("line1", Spin.JSON("{\"sku\": \"\", \"quantity\": 0}"));

    assertThat(ORDER_LINES.problems(submitted::get)).extracting(Object::toString)
        .containsExactly("'line1.sku' (SKU) is required", "'line1.quantity' (Quantity) must be at least 1");
  }

  @Test
  void jsonTextAndMapsAreReadLikeJsonVariables() {
    assertThat(ORDER_LINES.problems(Map.<String, Object>of("line1", "{\"sku\": \"D-1\", \"quantity\": 2}")::get))
        .isEmpty();
    assertThat(ORDER_LINES.problems(Map.<String, Object>of("line1", Map.of("sku", "D-1", "quantity", "two"))::get)).extracting(Object::toString)
        .containsExactly("'line1.quantity' (Quantity) must be a number");
  }

  @Test
  void unreadableGroupIsEmptyAndAGroupThatMayBeHiddenNeedNotBeFilled() {
    assertThat(ORDER_LINES.problems(Map.<String, Object>of("line1", "not json")::get)).extracting(Object::toString)
        .containsExactly("'line1.sku' (SKU) is required", "'line1.quantity' (Quantity) is required");
  }

  @Test
  void aChecklistHoldsOnlyItsOptions() {
    FormSchema teams = FormSchema.parse(new ByteArrayInputStream("""
        {"components": [{"type": "checklist", "key": "teams", "label": "Teams", "validate": {"required": true},
          "values": [{"label": "Sales", "value": "sales"}, {"label": "IT", "value": "it"}]}]}
        """.getBytes(StandardCharsets.UTF_8)));

    assertThat(teams.problems(Map.<String, Object>of("teams", Spin.JSON("[\"it\", \"sales\"]"))::get)).isEmpty();
    assertThat(teams.problems(Map.<String, Object>of("teams", List.of("it"))::get)).isEmpty();
    assertThat(teams.problems(Map.<String, Object>of("teams", Spin.JSON("[]"))::get)).extracting(Object::toString)
        .containsExactly("'teams' (Teams) is required");
    assertThat(teams.problems(Map.<String, Object>of("teams", "[\"it\", \"marketing\"]")::get))
        .singleElement().asString().startsWith("'teams' (Teams) must only hold values of [");
    assertThat(teams.problems(Map.<String, Object>of("teams", "it")::get))
        .singleElement().asString().startsWith("'teams' (Teams) must be a list of [");
  }

  @Test
  void everyEntryOfADynamicListIsChecked() {
    FormSchema actions = FormSchema.parse(new ByteArrayInputStream("""
        {"components": [{"type": "dynamiclist", "path": "actions", "label": "Actions", "components": [
          {"type": "textfield", "key": "title", "label": "Action", "validate": {"required": true, "maxLength": 5}},
          {"type": "datetime", "subtype": "date", "key": "dueDate", "validate": {"required": true}}]}]}
        """.getBytes(StandardCharsets.UTF_8)));

    assertThat(actions.variables()).containsExactly("actions");
    assertThat(actions.problems(Map.<String, Object>of("actions",
        Spin.JSON("[{\"title\": \"Tidy\", \"dueDate\": \"2031-03-06\"}]"))::get)).isEmpty();
    assertThat(actions.problems(Map.<String, Object>of()::get)).isEmpty();
    assertThat(actions.problems(Map.<String, Object>of("actions",
        "[{\"title\": \"Tidy\", \"dueDate\": \"2031-03-06\"}, {\"title\": \"Tidy up\"}]")::get)).extracting(Object::toString)
        .containsExactly("'actions[1].title' (Action) must have at most 5 characters", "'actions[1].dueDate' is required");
    assertThat(actions.problems(Map.<String, Object>of("actions",
        List.of(Map.of("title", "", "dueDate", "2031-03-06")))::get)).extracting(Object::toString)
        .containsExactly("'actions[0].title' (Action) is required");
    assertThat(actions.problems(Map.<String, Object>of("actions", Spin.JSON("{\"title\": \"Tidy\"}"))::get)).extracting(Object::toString)
        .containsExactly("'actions' (Actions) must be a list");
  }
}
