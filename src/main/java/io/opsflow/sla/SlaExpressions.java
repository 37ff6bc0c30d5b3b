package io.opsflow.sla;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the literal arguments of {@code sla.*} calls in an expression at deployment, so that
 * {@code ${sla.workingHours('-PT8H')}} is refused when the model is deployed, not when the first
 * task is created.
 */
final class SlaExpressions {

  private static final Pattern WORKING_HOURS = Pattern.compile("sla\\.workingHours\\(\\s*['\"]([^'\"]*)['\"]\\s*\\)");
  private static final Pattern WORKING_DAYS = Pattern.compile("sla\\.(workingDays|workingDaysBefore)\\(([^()]*?)(-?\\d+)\\s*\\)");

  private SlaExpressions() {}

  /** The first problem in the expression, if any. */
  static Optional<String> problemIn(String expression) {
    if (expression == null || !expression.contains("sla.")) {
      return Optional.empty();
    }
    Matcher hours = WORKING_HOURS.matcher(expression);
    while (hours.find()) {
      try {
        Sla.workingTime(hours.group(1));
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    Matcher days = WORKING_DAYS.matcher(expression);
    while (days.find()) {
      if (days.group(3).startsWith("-")) {
        return Optional.of("sla." + days.group(1) + "(" + days.group(2) + days.group(3)
            + "): the number of working days must not be negative");
      }
    }
    return Optional.empty();
  }
}
