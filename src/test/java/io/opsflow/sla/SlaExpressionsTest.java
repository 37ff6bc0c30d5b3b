package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaExpressionsTest {

  @Test
  void acceptsWellFormedCallsAndOtherExpressions() {
    assertThat(SlaExpressions.problemIn("${sla.workingHours('PT8H')}")).isEmpty();
    assertThat(SlaExpressions.problemIn("${sla.workingDays(3)}")).isEmpty();
    assertThat(SlaExpressions.problemIn("${sla.workingDaysBefore(startDate, 2)}")).isEmpty();
    assertThat(SlaExpressions.problemIn("${sla.workingHours(slaDuration)}")).isEmpty();
    assertThat(SlaExpressions.problemIn("P3D")).isEmpty();
    assertThat(SlaExpressions.problemIn(null)).isEmpty();
  }

  @Test
  void namesTheCallWithANegativeOrMalformedArgument() {
    assertThat(SlaExpressions.problemIn("${sla.workingHours('-PT8H')}"))
        .contains("sla.workingHours('-PT8H'): the duration must not be negative");
    assertThat(SlaExpressions.problemIn("${sla.workingHours(\"8h\")}")).get().asString()
        .startsWith("sla.workingHours('8h'): not an ISO-8601 duration");
    assertThat(SlaExpressions.problemIn("${sla.workingDays(-2)}"))
        .contains("sla.workingDays(-2): the number of working days must not be negative");
    assertThat(SlaExpressions.problemIn("${sla.workingDaysBefore(startDate, -1)}"))
        .contains("sla.workingDaysBefore(startDate, -1): the number of working days must not be negative");
  }
}
