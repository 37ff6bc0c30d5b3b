package io.opsflow.changes;

import static io.opsflow.BadInput.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.BadInput;
import io.opsflow.OpsflowSpringTest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Bad change requests and withdrawals, over HTTP: 400 naming the field and the rule, nothing stored. */
@OpsflowSpringTest
class ChangeInputTest {

  @Autowired TestRestTemplate http;

  @RegisterExtension final BadInput badInput = new BadInput();

  static Stream<Arguments> badChanges() {
    return Stream.of(
        Arguments.of("CR LF in the title", with("title", "New breaks\r\nBcc: all@example.com"), "title: must be one line"),
        Arguments.of("tab in the title", with("title", "New\tbreaks"), "title: must be one line"),
        Arguments.of("title too long", with("title", text(256)), "title: size must be between 0 and 255"),
        Arguments.of("description too long", with("description", text(4001)), "description: size must be between 0 and 4000"),
        Arguments.of("rollback plan too long", with("rollbackPlan", text(4001)), "rollbackPlan: size must be between 0 and 4000"),
        Arguments.of("owner too long", with("owner", text(65)), "owner: size must be between 0 and 64"),
        Arguments.of("too many teams", with("affectedTeams", Collections.nCopies(21, "sales")),
            "affectedTeams: size must be between 0 and 20"),
        Arguments.of("teams not a list", with("affectedTeams", "sales"), "affectedTeams: must be a list"),
        Arguments.of("date too long", with("plannedRolloutDate", text(100_000)), "plannedRolloutDate: size must be between 0 and 32"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badChanges")
  void aBadChangeIsRefusedNamingTheFieldAndNothingIsStored(String what, Map<String, Object> change, String message) {
    badInput.assertPostRefused("sam", "/api/changes", change, message);
  }

  @Test
  void aWithdrawalWithAHugeCommentIsRefusedAndTheChangeGoesOn() {
    long id = http.withBasicAuth("sam", "sam").postForObject("/api/changes", ChangeApiTest.validRequest(), JsonNode.class)
        .get("id").asLong();

    badInput.assertPostRefused("sam", "/api/changes/" + id + "/withdraw", Map.of("comment", text(100_000)),
        "comment: size must be between 0 and 4000");
    assertThat(http.withBasicAuth("sam", "sam").getForObject("/api/changes/" + id, JsonNode.class).get("status").asText())
        .isNotEqualTo("WITHDRAWN");
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> change = new HashMap<>(ChangeApiTest.validRequest());
    change.put(field, value);
    return change;
  }
}
