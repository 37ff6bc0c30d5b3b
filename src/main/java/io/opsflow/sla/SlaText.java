package io.opsflow.sla;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLA of a user task in words for the people who do the work, read from what the element
 * template "SLA'd user task" writes ({@link TaskSla}): "within 8 working hours; reminder when due,
 * escalated to the lead of the group (the assignee's manager once someone has claimed it) 4
 * working hours later". For the handbook; the ladder itself is {@link SlaBpmnParse}'s.
 */
public final class SlaText {

  private static final Pattern WORKING_HOURS = Pattern.compile("^\\$\\{\\s*sla\\.workingHours\\(\\s*['\"]([^'\"]*)['\"]\\s*\\)\\s*}$");
  private static final Pattern WORKING_DAYS = Pattern.compile("^\\$\\{\\s*sla\\.workingDays\\(\\s*(\\d+)\\s*\\)\\s*}$");
  private static final Pattern DAYS_BEFORE = Pattern.compile(
      "^\\$\\{\\s*sla\\.workingDaysBefore\\(\\s*(.+?)\\s*,\\s*(\\d+)\\s*\\)\\s*}$");
  private static final Pattern LAST_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\([^()]*\\))?\\s*$");

  private SlaText() {}

  /**
   * The task's SLA in words, or empty when it has none (neither due date nor grace period).
   *
   * @param dueDate the task's {@code camunda:dueDate}, or null
   * @param properties the task's {@code camunda:property} values
   * @param offeredToGroup whether the task is offered to candidate groups (then a group lead gets
   *     the escalation while nobody has claimed it)
   */
  public static Optional<String> of(String dueDate, Map<String, String> properties, boolean offeredToGroup) {
    String grace = properties.get(TaskSla.GRACE_PERIOD);
    if (dueDate == null || dueDate.isBlank()) {
      return Optional.empty();
    }
    String due = due(dueDate.strip());
    if (grace == null || grace.isBlank()) {
      return Optional.of(due + "; no reminder or escalation");
    }
    String later;
    try {
      later = workingTime(GracePeriod.parse(grace));
    } catch (IllegalArgumentException e) {
      return Optional.of(due);
    }
    String to = offeredToGroup ? "the lead of the group (the manager of whoever has claimed it)" : "the assignee's manager";
    String reaction = Optional.ofNullable(properties.get(TaskSla.ESCALATION_CODE)).map(String::strip)
        .filter(code -> !code.isEmpty()).map(code -> "; the process then reacts to the escalation " + code).orElse("");
    return Optional.of(due + "; reminder when due, escalated to " + to + " " + later + " later" + reaction);
  }

  private static String due(String expression) {
    Matcher hours = WORKING_HOURS.matcher(expression);
    if (hours.matches()) {
      try {
        return "within " + hoursAndMinutes(Sla.workingTime(hours.group(1)).toMinutes());
      } catch (IllegalArgumentException e) {
        return "by the due date the process sets";
      }
    }
    Matcher days = WORKING_DAYS.matcher(expression);
    if (days.matches()) {
      return "within " + count(Integer.parseInt(days.group(1)), "working day");
    }
    Matcher before = DAYS_BEFORE.matcher(expression);
    if (before.matches()) {
      Matcher name = LAST_NAME.matcher(before.group(1));
      String date = name.find() ? words(name.group(1)) : "a date of the case";
      return count(Integer.parseInt(before.group(2)), "working day") + " before the " + date;
    }
    return "by the due date the process sets";
  }

  private static String workingTime(GracePeriod grace) {
    String days = grace.workingDays() == 0 ? "" : count(grace.workingDays(), "working day");
    long minutes = grace.workingTime().toMinutes();
    String time = minutes == 0 ? "" : hoursAndMinutes(minutes);
    return days.isEmpty() ? (time.isEmpty() ? "0 working hours" : time) : time.isEmpty() ? days : days + " and " + time;
  }

  private static String hoursAndMinutes(long minutes) {
    String hours = minutes / 60 == 0 ? "" : count(minutes / 60, "working hour");
    String rest = minutes % 60 == 0 ? "" : count(minutes % 60, "working minute");
    return hours.isEmpty() ? (rest.isEmpty() ? "0 working hours" : rest) : rest.isEmpty() ? hours : hours + " " + rest;
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /** {@code rolloutDate} as "rollout date". */
  private static String words(String identifier) {
    return identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
  }
}
