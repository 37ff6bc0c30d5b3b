package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser at an address Opsflow has no page for gets Opsflow's page in words, not a server error. */
@OpsflowSpringTest
class ErrorPagesTest {

  @LocalServerPort int port;

  @Test
  void anUnknownPageOfAnEmployeeIsNotFoundInWords() {
    PageSession.Answer answer = new PageSession(port).logIn("wendy").open("/me/no-such-page");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("<title>Opsflow: Page not found</title>", "There is no page at this address",
        "href=\"/camunda/app/tasklist/\"").doesNotContain("Circular", "Exception", "no-such-page");
  }
}
