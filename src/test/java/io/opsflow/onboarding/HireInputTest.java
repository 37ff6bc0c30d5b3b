package io.opsflow.onboarding;

import static io.opsflow.BadInput.text;

import io.opsflow.BadInput;
import io.opsflow.OpsflowSpringTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad hires, over HTTP: 400 naming the field and the rule, nothing stored, no onboarding started. */
@OpsflowSpringTest
class HireInputTest {

  @RegisterExtension final BadInput badInput = new BadInput();

  static Stream<Arguments> badHires() {
    return Stream.of(
        Arguments.of("CR LF in the name", with("name", "Ann\r\nBcc: all@example.com"), "name: must be one line"),
        Arguments.of("tab in the role", with("role", "sales\tlead"), "role: must be one line"),
        Arguments.of("LF in the e-mail", with("email", "ann@example.com\nBcc: x@example.com"), "email: must be one line"),
        Arguments.of("name too long", with("name", text(201)), "name: size must be between 0 and 200"),
        Arguments.of("role too long", with("role", text(101)), "role: size must be between 0 and 100"),
        Arguments.of("department too long", with("department", text(65)), "department: size must be between 0 and 64"),
        Arguments.of("manager too long", with("managerId", text(100_000)), "managerId: size must be between 0 and 64"),
        Arguments.of("start date not text", with("startDate", Map.of("year", 2031)), "startDate: must be text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badHires")
  void aBadHireIsRefusedNamingTheFieldAndNothingIsStored(String what, Map<String, Object> hire, String message) {
    badInput.assertPostRefused("helen", "/api/hires", hire, message);
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> hire = HireApi.newHire("Ann Example", "2031-06-09");
    hire.put(field, value);
    return hire;
  }
}
