package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.WebappSession;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Guessing passwords from one address is slow at every login door, and cannot lock out the user:
 * after three failures each further one blocks the address for a doubling time (429 with
 * Retry-After), during which no password is checked.
 */
@OpsflowSpringTest
class LoginThrottleTest {

  private static final String VICTIM = "throttlevictim";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine processEngine;

  IdentityService identity;

  @BeforeEach
  void victim() {
    identity = processEngine.getIdentityService();
    User user = identity.newUser(VICTIM);
    user.setPassword("right-password");
    identity.saveUser(user);
    ClockUtil.setCurrentTime(new Date());
  }

  /** A successful login, once every delay is over, clears this address for the next tests. */
  @AfterEach
  void clearThisAddress() {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(LoginThrottle.LONGEST_BLOCK.plusMinutes(1))));
    assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.OK);
    ClockUtil.reset();
    identity.deleteUser(VICTIM);
  }

  @Test
  void thirtyWrongPasswordsAtFullSpeedAreCheckedFourTimesAndLockNobodyOut() {
    int refused = 0;
    int checked = 0;
    for (int attempt = 0; attempt < 30; attempt++) {
      HttpStatus status = HttpStatus.valueOf(login("wrong-password").getStatusCode().value());
      if (status == HttpStatus.TOO_MANY_REQUESTS) {
        refused++;
      } else if (status == HttpStatus.UNAUTHORIZED) {
        checked++;
      }
    }

    assertThat(checked).isEqualTo(LoginThrottle.FREE_FAILURES + 1);
    assertThat(refused).isEqualTo(30 - checked);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(1))));
    assertThat(login("right-password").getStatusCode()).as("the user is not locked out").isEqualTo(HttpStatus.OK);
  }

  @Test
  void aBlockedAddressWaitsAsToldEvenWithTheRightPassword() {
    for (int attempt = 0; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
      assertThat(login("wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<String> blocked = login("right-password");

    assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    assertThat(blocked.getBody()).contains("too many failed logins from your address; try again in 2 s");
    assertThat(WebappSession.open(http, processEngine.getName()).logIn(VICTIM, "tasklist").getStatusCode())
        .as("the webapps' login is the same door").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    // past our block (2 s) and Camunda's own delay of the user after four failures (at most 60 s)
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofSeconds(60))));
    assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(attemptsOf(VICTIM)).as("a successful login clears the user's count").isZero();
  }

  private ResponseEntity<String> login(String password) {
    return http.withBasicAuth(VICTIM, password).getForEntity("/engine-rest/engine", String.class);
  }

  private int attemptsOf(String userId) {
    return ((UserEntity) identity.createUserQuery().userId(userId).singleResult()).getAttempts();
  }
}
