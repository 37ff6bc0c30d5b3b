package io.opsflow.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.handbook.ProcessHandbook.FormField;
import io.opsflow.handbook.ProcessHandbook.Outcome;
import io.opsflow.handbook.ProcessHandbook.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The handbook of each real process, built from the deployed definition, checked against the
 * files designers edit: every user task with its name, documentation and candidate groups, every
 * label of its form, an SLA in words, and the answers of the gateway that follows it.
 */
@OpsflowSpringTest
class HandbookContentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Handbooks handbooks;

  static Stream<Path> processes() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theHandbookExplainsEveryStepAsTheModelAndFormsSay(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    ProcessHandbook handbook = handbooks.of(process.getId(), null).orElseThrow();

    assertThat(handbook.name()).isEqualTo(process.getName());
    assertThat(handbook.purpose()).isEqualTo(documentation(process)).isNotBlank();
    assertThat(handbook.gaps()).as("what the handbook cannot explain").isEmpty();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Step step = handbook.step(task.getId()).orElseThrow(() -> new AssertionError("no step " + task.getId()));
      assertThat(step.name()).isEqualTo(task.getName());
      assertThat(step.documentation()).isEqualTo(documentation(task));
      assertThat(step.performer().groups()).as(task.getId())
          .containsExactlyElementsOf(task.getCamundaCandidateGroupsList().stream().filter(g -> !g.contains("${")).toList());
      assertThat(step.sla()).as("SLA of %s", task.getId()).hasValueSatisfying(sla -> assertThat(sla).containsPattern("^(within|\\d+ working days? before|by the due date the process sets)")
          .containsPattern("; reminder when due, escalated to .* later"));
      assertThat(step.form()).extracting(FormField::label).as("form of %s", task.getId())
          .containsAll(labels(task.getCamundaFormRef()));
      for (SequenceFlow in : task.getOutgoing()) {
        if (in.getTarget() instanceof ExclusiveGateway gateway && gateway.getName() != null) {
          assertThat(step.outcomes()).extracting(Outcome::when).as("outcomes of %s", task.getId())
              .containsAll(gateway.getOutgoing().stream().map(flow -> gateway.getName() + " " + flow.getName()).toList());
        }
      }
    }
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        List<String> labels = labels(start.getCamundaFormRef());
        assertThat(handbook.step(start.getId())).hasValueSatisfying(step -> assertThat(step.form())
            .extracting(FormField::label).containsAll(labels));
      }
    }
    assertThat(handbook.steps()).filteredOn(step -> !step.isStart()).hasSize(model.getModelElementsByType(UserTask.class).size());
  }

  @Test
  void orderFulfillmentInTheOrderOfTheFlowWithItsSlasAndOutcomes() {
    ProcessHandbook orders = handbooks.of("Process_OrderFulfillment", null).orElseThrow();

    assertThat(orders.steps()).extracting(Step::id).containsExactly("StartEvent_OrderEntered",
        "Task_CorrectUnknownArticles", "Task_ApproveOrder", "Task_PickAndPackOrder", "Task_ShipOrder", "Task_DecideOnBackorder");
    Step pick = orders.step("Task_PickAndPackOrder").orElseThrow();
    assertThat(pick.sla()).contains("within 8 working hours; reminder when due, escalated to the lead of the group"
        + " (the manager of whoever has claimed it) 4 working hours later");
    assertThat(pick.outcomes()).containsExactly(new Outcome("", "Ship order"), new Outcome("If items missing", "Record shortage"));
    assertThat(pick.form()).extracting(FormField::label, FormField::onlySometimes).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Items are missing", false),
        org.assertj.core.groups.Tuple.tuple("SKU of the missing item", true),
        org.assertj.core.groups.Tuple.tuple("How many are missing", true));
    assertThat(orders.step("Task_ApproveOrder").orElseThrow().outcomes()).containsExactly(
        new Outcome("Order approved? Yes", "Reserve stock"), new Outcome("Order approved? No", "Reject order"));
    Step ship = orders.step("Task_ShipOrder").orElseThrow();
    assertThat(ship.form()).filteredOn(field -> field.key().equals("carrier")).singleElement()
        .satisfies(carrier -> {
          assertThat(carrier.required()).isTrue();
          assertThat(carrier.options()).containsExactly("DHL", "DPD", "GLS", "UPS", "FedEx");
        });
    assertThat(orders.step("StartEvent_OrderEntered").orElseThrow().form()).extracting(FormField::label)
        .as("the repeated order lines once").containsExactly("Customer name", "Customer e-mail", "SKU", "Quantity");
  }

  @Test
  void tasksOfAPersonTheProcessChoosesAndSlasBeforeADate() {
    ProcessHandbook onboarding = handbooks.of("Process_EmployeeOnboarding", null).orElseThrow();
    Step welcome = onboarding.step("Task_WelcomeNewHire").orElseThrow();
    assertThat(welcome.performer().personChosenByProcess()).isTrue();
    assertThat(HandbookHtml.who(welcome.performer(), group -> group)).isEqualTo("The person the process assigns for each case.");
    assertThat(welcome.sla()).contains("within 8 working hours; reminder when due, escalated to the assignee's manager"
        + " 4 working hours later");
    assertThat(onboarding.step("Task_ProbationReview").orElseThrow().outcomes()).extracting(Outcome::when)
        .containsExactly("Probation outcome? Pass", "Probation outcome? End", "Probation outcome? Extend");

    ProcessHandbook changes = handbooks.of("Process_ChangeRollout", null).orElseThrow();
    Step brief = changes.step("Task_BriefTeam").orElseThrow();
    assertThat(brief.sla()).contains("2 working days before the rollout date; reminder when due, escalated to the lead"
        + " of the group (the manager of whoever has claimed it) 1 working day later; the process then reacts to the"
        + " escalation BriefingLate");
    assertThat(HandbookHtml.who(changes.step("Task_ApproveChange").orElseThrow().performer(), group -> "Management"))
        .isEqualTo("The person the process assigns for each case, or anyone of Management.");
  }

  /** The labels of a form's input fields, read from {@code forms/} as designers wrote them. */
  private static List<String> labels(String formRef) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.toList()) {
        JsonNode json = JSON.readTree(form.toFile());
        if (json.path("id").asText().equals(formRef)) {
          List<String> labels = new ArrayList<>();
          collect(json.path("components"), labels);
          return labels;
        }
      }
    }
    throw new AssertionError("no form " + formRef);
  }

  private static void collect(JsonNode components, List<String> labels) {
    for (JsonNode component : components) {
      if (component.has("key") && !component.path("type").asText().equals("text")) {
        labels.add(Optional.ofNullable(component.get("label")).orElse(component.path("dateLabel")).asText());
      }
      collect(component.path("components"), labels);
    }
  }

  private static String documentation(BaseElement element) {
    return element.getDocumentations().stream().map(Documentation::getTextContent).map(String::strip)
        .collect(Collectors.joining("\n\n"));
  }
}
