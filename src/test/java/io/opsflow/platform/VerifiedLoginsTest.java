package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * HTTP Basic logins verified moments ago are not checked again, but every change that could make
 * one wrong takes effect with the next request: a new password, a lock after a wrong password, a
 * removed membership, a deleted user.
 */
@OpsflowSpringTest
class VerifiedLoginsTest {

  private static final String USER = "cacheduser";
  private static final String PASSWORD = "first-Passw0rd!";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine processEngine;

  IdentityService identity;

  @BeforeEach
  void user() {
    identity = processEngine.getIdentityService();
    User user = identity.newUser(USER);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
  }

  /** A successful login, once every delay is over, clears this address of the refused ones (LoginThrottle). */
  @AfterEach
  void clearThisAddressAndRemoveUser() {
    identity.deleteUser(USER);
    user();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(LoginThrottle.LONGEST_BLOCK.plusMinutes(1))));
    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.OK);
    ClockUtil.reset();
    identity.deleteUser(USER);
  }

  @Test
  void theOldPasswordIsRefusedAsSoonAsItIsChanged() {
    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.OK);
    assertThat(status(PASSWORD, "/engine-rest/engine")).as("remembered").isEqualTo(HttpStatus.OK);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(USER, PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    String change = "{\"password\":\"second-Passw0rd!\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}";
    assertThat(http.exchange("/engine-rest/user/" + USER + "/credentials", HttpMethod.PUT, new HttpEntity<>(change, headers),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.UNAUTHORIZED);
    // past Camunda's delay of the user after the failure
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(2))));
    assertThat(status("second-Passw0rd!", "/engine-rest/engine")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aUserLockedByAWrongPasswordAtAnotherDoorIsRefusedAtOnce() {
    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.OK);

    // the webapps' login checks through the identity service too; Camunda delays the user after it
    assertThat(identity.checkPassword(USER, "wrong")).isFalse();

    assertThat(status(PASSWORD, "/engine-rest/engine")).as("locked for Camunda's delay").isEqualTo(HttpStatus.UNAUTHORIZED);
    identity.unlockUser(USER);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(2)))); // past our throttle
    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRemovedMembershipTakesItsRightsAtOnce() {
    identity.createMembership(USER, OpsflowGroups.ADMINISTRATORS);
    assertThat(deployments()).as("an administrator reads every deployment").isNotEqualTo("[]");
    assertThat(deployments()).as("remembered").isNotEqualTo("[]");

    identity.deleteMembership(USER, OpsflowGroups.ADMINISTRATORS);

    assertThat(deployments()).isEqualTo("[]");
  }

  private String deployments() {
    return http.withBasicAuth(USER, PASSWORD).getForObject("/engine-rest/deployment?maxResults=1", String.class);
  }

  @Test
  void aDeletedUserIsRefusedAtOnce() {
    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.OK);

    identity.deleteUser(USER);

    assertThat(status(PASSWORD, "/engine-rest/engine")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private HttpStatus status(String password, String path) {
    return HttpStatus.valueOf(http.withBasicAuth(USER, password).getForEntity(path, String.class).getStatusCode().value());
  }
}
