package io.opsflow.sla;

import static io.opsflow.BadInput.text;

import io.opsflow.BadInput;
import io.opsflow.OpsflowSpringTest;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad absences, over HTTP: 400 naming the field and the rule, nothing stored. */
@OpsflowSpringTest
class AbsenceInputTest {

  @RegisterExtension final BadInput badInput = new BadInput();

  static Stream<Arguments> badAbsences() {
    return Stream.of(
        Arguments.of("substitute too long", with("substitute", text(65)), "substitute: size must be between 0 and 64"),
        Arguments.of("user too long", with("userId", text(100_000)), "userId: size must be between 0 and 64"),
        Arguments.of("no such day", with("from", "2091-13-45"), "from: must be a date such as 2026-05-04"),
        Arguments.of("date as true", with("to", true), "to: must be a date such as 2026-05-04"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAbsences")
  void aBadAbsenceIsRefusedNamingTheFieldAndNothingIsStored(String what, Map<String, Object> absence, String message) {
    badInput.assertPostRefused("sam", "/api/absences", absence, message);
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> absence = new HashMap<>(Map.of("from", AbsenceControllerTest.FROM, "to", AbsenceControllerTest.TO,
        "substitute", "sarah"));
    absence.put(field, value);
    return absence;
  }
}
