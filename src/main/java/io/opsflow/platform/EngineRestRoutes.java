package io.opsflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What people who are not administrators may write through the engine REST API (paths below the
 * engine, e.g. {@code /task/{id}/claim}): queries sent as POST, the work on a task that Tasklist
 * does, and starting a process through its start form. Deny by default: any other write is for
 * administrators. The table in {@code docs/platform.md} says the same, with the reasons.
 */
@Component
class EngineRestRoutes {

  /** What a route lets people do, and what is checked on top of engine authorization. */
  enum Rule {
    /** A query sent as POST (filters, counts): engine authorization decides what is found. */
    QUERY,
    /** Claim, release, assign, delegate, comment, follow-up date, submit the form: {@link TaskRules} and the form check decide. */
    TASK_WORK,
    /** Complete or resolve with variables: only fields of the task's form. */
    TASK_COMPLETION,
    /** Set or remove a task's variables: only fields of the task's form. */
    TASK_VARIABLES,
    /** Start a process through its start form: at its start event, with the form's fields only. */
    START_FORM,
    /** A person's own password and profile. */
    OWN_ACCOUNT,
    /** Process and execution variables belong to the process: refused, naming them. */
    PROCESS_VARIABLES
  }

  private record Route(HttpMethod method, PathPattern path, Rule rule) {}

  private static final PathPatternParser PARSER = new PathPatternParser();
  private static final List<String> HISTORY_QUERIES = List.of("activity-instance", "case-instance", "detail",
      "external-task-log", "job-log", "process-instance", "task", "variable-instance");

  private static final List<Route> ROUTES = Stream.of(
      routes(HttpMethod.POST, Rule.QUERY, "/task", "/task/count", "/process-instance", "/process-instance/count",
          "/execution", "/execution/count", "/variable-instance", "/variable-instance/count", "/job", "/job/count",
          "/job-definition", "/job-definition/count", "/external-task", "/external-task/count", "/case-instance",
          "/case-instance/count", "/case-execution", "/case-execution/count", "/group", "/group/count",
          "/filter/{id}/list", "/filter/{id}/count", "/filter/{id}/singleResult", "/identity/password-policy"),
      HISTORY_QUERIES.stream().flatMap(kind -> routes(HttpMethod.POST, Rule.QUERY, "/history/" + kind,
          "/history/" + kind + "/count")),
      routes(HttpMethod.POST, Rule.TASK_WORK, "/task/{id}/claim", "/task/{id}/unclaim", "/task/{id}/assignee",
          "/task/{id}/delegate", "/task/{id}/comment/create", "/task/{id}/submit-form"),
      routes(HttpMethod.PUT, Rule.TASK_WORK, "/task/{id}"),
      routes(HttpMethod.POST, Rule.TASK_COMPLETION, "/task/{id}/complete", "/task/{id}/resolve"),
      routes(HttpMethod.POST, Rule.TASK_VARIABLES, "/task/{id}/variables", "/task/{id}/localVariables"),
      routes(HttpMethod.PUT, Rule.TASK_VARIABLES, "/task/{id}/variables/{name}", "/task/{id}/localVariables/{name}"),
      routes(HttpMethod.DELETE, Rule.TASK_VARIABLES, "/task/{id}/variables/{name}", "/task/{id}/localVariables/{name}"),
      routes(HttpMethod.POST, Rule.START_FORM, "/process-definition/{id}/submit-form",
          "/process-definition/key/{key}/submit-form", "/process-definition/key/{key}/tenant-id/{tenant}/submit-form"),
      routes(HttpMethod.PUT, Rule.OWN_ACCOUNT, "/user/{id}/credentials", "/user/{id}/profile"),
      routes(HttpMethod.POST, Rule.PROCESS_VARIABLES, "/process-instance/{id}/variables",
          "/execution/{id}/localVariables", "/process-instance/variables-async"),
      routes(HttpMethod.PUT, Rule.PROCESS_VARIABLES, "/process-instance/{id}/variables/{name}",
          "/execution/{id}/localVariables/{name}"),
      routes(HttpMethod.DELETE, Rule.PROCESS_VARIABLES, "/process-instance/{id}/variables/{name}",
          "/execution/{id}/localVariables/{name}"))
      .flatMap(s -> s).toList();

  private final TaskWork taskWork;

  EngineRestRoutes(TaskWork taskWork) {
    this.taskWork = taskWork;
  }

  private static Stream<Route> routes(HttpMethod method, Rule rule, String... paths) {
    return Arrays.stream(paths).map(path -> new Route(method, PARSER.parse(path), rule));
  }

  /**
   * Refuses a write of someone who is not an administrator unless a route opens it: 403 for a
   * closed one, 400 naming the variables that are not theirs to set.
   */
  void requireOpen(HttpMethod method, String path, String userId, JsonNode body) {
    PathContainer container = PathContainer.parsePath(path);
    for (Route route : ROUTES) {
      PathPattern.PathMatchInfo match = route.method().equals(method) ? route.path().matchAndExtract(container) : null;
      if (match != null) {
        check(route.rule(), match.getUriVariables(), userId, body);
        return;
      }
    }
    throw new ApiException(HttpStatus.FORBIDDEN, method + " " + path + " is for administrators: through the engine"
        + " REST API, people work their tasks and start processes through their start forms, nothing else");
  }

  private void check(Rule rule, Map<String, String> path, String userId, JsonNode body) {
    switch (rule) {
      case QUERY, TASK_WORK, START_FORM -> { }
      case OWN_ACCOUNT -> {
        if (!userId.equals(path.get("id"))) {
          throw new ApiException(HttpStatus.FORBIDDEN, "you may change only your own password and profile, not "
              + path.get("id") + "'s");
        }
      }
      case TASK_COMPLETION -> taskWork.requireFormFields(path.get("id"), names(body, "variables"));
      case TASK_VARIABLES -> taskWork.requireFormFields(path.get("id"), path.containsKey("name") ? Set.of(path.get("name"))
          : names(body, "modifications", "deletions"));
      case PROCESS_VARIABLES -> {
        Set<String> names = path.containsKey("name") ? Set.of(path.get("name"))
            : names(body, "modifications", "deletions", "variables");
        throw new ApiException(HttpStatus.BAD_REQUEST, "process variables are set by the process, not through the"
            + " REST API: " + ApiException.quoted(names) + " may not be set or removed (only administrators may)");
      }
    }
  }

  /** The variable names in these members of the body: the keys of an object, the texts of a list. */
  private static Set<String> names(JsonNode body, String... members) {
    Set<String> names = new LinkedHashSet<>();
    if (body == null) {
      return names;
    }
    for (String member : members) {
      JsonNode node = body.path(member);
      if (node.isObject()) {
        node.fieldNames().forEachRemaining(names::add);
      } else if (node.isArray()) {
        node.forEach(name -> names.add(name.asText()));
      }
    }
    return names;
  }
}
