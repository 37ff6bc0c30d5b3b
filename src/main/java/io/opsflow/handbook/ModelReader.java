package io.opsflow.handbook;

import io.opsflow.handbook.ProcessHandbook.Outcome;
import io.opsflow.handbook.ProcessHandbook.Performer;
import io.opsflow.handbook.ProcessHandbook.Step;
import io.opsflow.platform.WorkingCycle;
import io.opsflow.sla.SlaText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the handbook of a process out of its deployed model with the BPMN model API: the purpose
 * (the process documentation), the steps in the order of the flow (start forms and user tasks, the
 * happy path first as drawn, then detours, then event sub-processes), each with its performer,
 * documentation, form, SLA and what follows on each outcome (gateway questions and answers,
 * boundary events). Nothing here names a process.
 */
final class ModelReader {

  /** The form of a step by its {@code camunda:formRef} or {@code camunda:formKey}, if deployed. */
  interface Forms {
    Optional<byte[]> find(String formRef);
  }

  private final BpmnModelInstance model;
  private final Process process;
  private final Forms forms;

  private ModelReader(BpmnModelInstance model, Process process, Forms forms) {
    this.model = model;
    this.process = process;
    this.forms = forms;
  }

  static ProcessHandbook read(BpmnModelInstance model, String definitionId, String key, String name, int version,
      Date deployedAt, Forms forms) {
    Process process = model.getModelElementsByType(Process.class).stream().filter(p -> key.equals(p.getId()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no process " + key + " in its model"));
    ModelReader reader = new ModelReader(model, process, forms);
    return new ProcessHandbook(definitionId, key, name == null || name.isBlank() ? key : name,
        documentation(process), version, deployedAt, reader.steps(), reader.recurring());
  }

  private List<Step> steps() {
    List<Step> starts = new ArrayList<>();
    List<Step> tasks = new ArrayList<>();
    for (FlowNode node : flowOrder()) {
      if (node instanceof UserTask task) {
        tasks.add(userTask(task));
      } else if (node instanceof StartEvent start && process.equals(start.getParentElement()) && formRefOf(start) != null) {
        starts.add(start(start));
      }
    }
    starts.addAll(tasks);
    return List.copyOf(starts);
  }

  /**
   * The flow nodes in the order of the flow: a node after every node it follows from (loops
   * aside), the first drawn way out first; the process's starts first, then event sub-processes,
   * then what nothing leads to. Reverse post-order of a depth-first walk.
   */
  private List<FlowNode> flowOrder() {
    List<FlowNode> starts = new ArrayList<>(process.getChildElementsByType(StartEvent.class));
    List<FlowNode> eventStarts = new ArrayList<>();
    model.getModelElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent).filter(this::inProcess)
        .forEach(sub -> eventStarts.addAll(sub.getChildElementsByType(StartEvent.class)));
    Set<String> reachable = new LinkedHashSet<>();
    starts.forEach(start -> postOrder(start, reachable, new ArrayList<>()));
    eventStarts.forEach(start -> postOrder(start, reachable, new ArrayList<>()));
    List<FlowNode> rest = model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> !reachable.contains(node.getId())).filter(this::inProcess).map(FlowNode.class::cast).toList();
    Set<String> seen = new LinkedHashSet<>();
    List<FlowNode> finished = new ArrayList<>();
    for (List<FlowNode> roots : List.of(rest, eventStarts, starts)) {
      for (int i = roots.size() - 1; i >= 0; i--) {
        postOrder(roots.get(i), seen, finished);
      }
    }
    java.util.Collections.reverse(finished);
    return finished;
  }

  private void postOrder(FlowNode node, Set<String> seen, List<FlowNode> finished) {
    if (!seen.add(node.getId())) {
      return;
    }
    List<FlowNode> next = new ArrayList<>();
    if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
      next.addAll(sub.getChildElementsByType(StartEvent.class));
    }
    node.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
    next.addAll(boundaryEventsOf(node));
    for (int i = next.size() - 1; i >= 0; i--) {
      postOrder(next.get(i), seen, finished);
    }
    finished.add(node);
  }

  /** Whether an element belongs to this process (a collaboration has several). */
  private boolean inProcess(FlowElement element) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof Process owner) {
        return owner.getId().equals(process.getId());
      }
    }
    return false;
  }

  private List<BoundaryEvent> boundaryEventsOf(FlowNode node) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() != null && event.getAttachedTo().getId().equals(node.getId())).toList();
  }

  private Step userTask(UserTask task) {
    List<String> groups = new ArrayList<>();
    boolean groupChosen = false;
    for (String group : task.getCamundaCandidateGroupsList()) {
      if (isExpression(group)) {
        groupChosen = true;
      } else if (!group.isBlank()) {
        groups.add(group.strip());
      }
    }
    List<String> users = new ArrayList<>();
    boolean personChosen = false;
    List<String> people = new ArrayList<>(task.getCamundaCandidateUsersList());
    if (task.getCamundaAssignee() != null) {
      people.add(0, task.getCamundaAssignee());
    }
    for (String user : people) {
      if (isExpression(user)) {
        personChosen = true;
      } else if (!user.isBlank()) {
        users.add(user.strip());
      }
    }
    String formRef = formRefOf(task);
    Optional<byte[]> form = formRef == null ? Optional.empty() : forms.find(formRef);
    Optional<String> sla = SlaText.of(task.getCamundaDueDate(), properties(task), !groups.isEmpty() || groupChosen);
    return new Step(task.getId(), nameOf(task), false, documentation(task),
        new Performer(List.copyOf(groups), List.copyOf(users), personChosen, groupChosen, false), formRef,
        form.isPresent(), form.map(FormReader::fields).orElse(List.of()), sla, outcomes(task));
  }

  private Step start(StartEvent start) {
    String formRef = formRefOf(start);
    Optional<byte[]> form = forms.find(formRef);
    return new Step(start.getId(), "Start: " + nameOf(start), true, documentation(start),
        new Performer(List.of(), List.of(), false, false, true), formRef, form.isPresent(),
        form.map(FormReader::fields).orElse(List.of()), Optional.empty(), outcomes(start));
  }

  /** The form a user task or start event shows: {@code camunda:formRef}, or a Camunda Forms {@code formKey}. */
  private static String formRefOf(FlowElement element) {
    String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    if (formRef != null && !formRef.isBlank()) {
      return formRef.strip();
    }
    String formKey = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formKey");
    return formKey != null && formKey.startsWith("camunda-forms:") ? formKey.strip() : null;
  }

  /** The timers that start the process by themselves, in words. */
  private List<String> recurring() {
    List<String> timers = new ArrayList<>();
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      for (TimerEventDefinition timer : start.getChildElementsByType(TimerEventDefinition.class)) {
        if (timer.getTimeCycle() != null) {
          String cycle = timer.getTimeCycle().getTextContent().strip();
          timers.add(safely(() -> WorkingCycle.inWords(cycle)).orElse("on the timer cycle " + cycle));
        } else if (timer.getTimeDate() != null) {
          timers.add("once, on " + timer.getTimeDate().getTextContent().strip());
        }
      }
    }
    return List.copyOf(timers);
  }

  private static Optional<String> safely(java.util.function.Supplier<Optional<String>> words) {
    try {
      return words.get();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private List<Outcome> outcomes(FlowNode node) {
    List<Outcome> outcomes = new ArrayList<>();
    for (SequenceFlow flow : node.getOutgoing()) {
      FlowNode next = skipMerges(flow.getTarget());
      if (isDecision(next)) {
        String question = nameOf(next);
        for (SequenceFlow answer : next.getOutgoing()) {
          outcomes.add(new Outcome(((question.isEmpty() ? "" : question + " ") + answerOf((Gateway) next, answer)).strip(),
              whatFollows(answer.getTarget(), 0)));
        }
      } else {
        outcomes.add(new Outcome(nameOf(flow), whatFollows(next, 0)));
      }
    }
    for (BoundaryEvent event : boundaryEventsOf(node)) {
      String name = nameOf(event);
      outcomes.add(new Outcome("If " + (name.isEmpty() ? "the step is interrupted" : name.substring(0, 1).toLowerCase()
          + name.substring(1)), event.getOutgoing().stream().map(flow -> whatFollows(flow.getTarget(), 0))
          .collect(Collectors.joining(" and "))));
    }
    return outcomes;
  }

  private static boolean isDecision(FlowNode node) {
    return (node instanceof ExclusiveGateway || node instanceof InclusiveGateway
        || node instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway) && node.getOutgoing().size() > 1;
  }

  private static String answerOf(Gateway gateway, SequenceFlow flow) {
    String name = nameOf(flow);
    if (!name.isEmpty()) {
      return name;
    }
    SequenceFlow fallback = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
        : gateway instanceof InclusiveGateway inclusive ? inclusive.getDefault() : null;
    return fallback != null && fallback.getId().equals(flow.getId()) ? "Otherwise" : "(an unnamed answer)";
  }

  /** An unnamed gateway that only merges (one way out) says nothing: what follows it does. */
  private static FlowNode skipMerges(FlowNode node) {
    FlowNode current = node;
    for (int i = 0; i < 20 && current instanceof Gateway && nameOf(current).isEmpty()
        && current.getOutgoing().size() == 1; i++) {
      current = current.getOutgoing().iterator().next().getTarget();
    }
    return current;
  }

  /** What follows, in words: the next named step, the question asked, or the end of the process. */
  private static String whatFollows(FlowNode node, int depth) {
    FlowNode next = skipMerges(node);
    String name = nameOf(next);
    if (next instanceof EndEvent) {
      if (next.getParentElement() instanceof SubProcess) {
        return name.isEmpty() ? "this part of the process is done" : name;
      }
      return name.isEmpty() ? "the process ends" : "the process ends: " + name;
    }
    if (next instanceof Gateway && next.getOutgoing().size() > 1 && (name.isEmpty() || !isDecision(next))) {
      return depth > 3 ? "several steps" : next.getOutgoing().stream()
          .map(flow -> whatFollows(flow.getTarget(), depth + 1)).distinct()
          .collect(Collectors.joining(next instanceof ParallelGateway ? " and " : " or "));
    }
    if (next instanceof Gateway) {
      return "the question \"" + name + "\"";
    }
    if (name.isEmpty() && next.getOutgoing().size() == 1 && depth < 10) {
      return whatFollows(next.getOutgoing().iterator().next().getTarget(), depth + 1);
    }
    return name.isEmpty() ? "an unnamed step" : name;
  }

  private static Map<String, String> properties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions != null) {
      extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
          .forEach(list -> list.getCamundaProperties().forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue())));
    }
    return properties;
  }

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private static String nameOf(FlowElement element) {
    return element.getName() == null ? "" : element.getName().replaceAll("\\s+", " ").strip();
  }

  private static String documentation(BaseElement element) {
    Collection<Documentation> documentation = element.getDocumentations();
    return documentation.stream().map(Documentation::getTextContent).filter(text -> text != null && !text.isBlank())
        .map(String::strip).collect(Collectors.joining("\n\n"));
  }
}
