package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.WebappSession;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

@OpsflowSpringTest
class SecurityTest {

  private static final String XSRF_HEADER = WebappSession.XSRF_HEADER;

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine processEngine;

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/api/tasks"})
  void anonymousRequestIsRefused(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(response.getBody()).contains("\"status\":401");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/api/tasks"})
  void authenticatedRequestIsServed(String path) {
    ResponseEntity<String> response = http.withBasicAuth("wendy", "wendy").getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** Camunda locks a user for seconds after a wrong password: Felix, whom no other test here needs, is unlocked. */
  @Test
  void wrongPasswordIsRefused() {
    try {
      ResponseEntity<String> response = http.withBasicAuth("felix", "not-felix").getForEntity("/engine-rest/engine", String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      processEngine.getIdentityService().unlockUser("felix");
    }
  }

  /**
   * After 10 wrong passwords Camunda locks a user until an administrator unlocks them; a locked-out
   * administrator is unlocked when Opsflow starts again.
   */
  @Test
  void aLockedOutAdministratorIsUnlockedAtTheNextStart() {
    IdentityService identity = processEngine.getIdentityService();
    User administrator = identity.newUser("lockedoutadmin");
    administrator.setPassword("right-password");
    identity.saveUser(administrator);
    try {
      int maxAttempts = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getLoginMaxAttempts();
      // each attempt after the delays of the one before: Camunda's of the user, our throttle's of the address
      Duration pastEveryDelay = LoginThrottle.LONGEST_BLOCK.plusMinutes(1);
      for (int attempt = 1; attempt <= maxAttempts; attempt++) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(pastEveryDelay)));
        assertThat(statusOfLogin("lockedoutadmin", "wrong-password")).as("attempt %d at %s", attempt, ClockUtil.now())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
      }
      ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(1))));
      assertThat(statusOfLogin("lockedoutadmin", "right-password")).isEqualTo(HttpStatus.UNAUTHORIZED);

      new AdministratorUnlock(identity, "lockedoutadmin").run(null);

      assertThat(statusOfLogin("lockedoutadmin", "right-password")).isEqualTo(HttpStatus.OK);
    } finally {
      ClockUtil.reset();
      identity.deleteUser("lockedoutadmin");
    }
  }

  private HttpStatus statusOfLogin(String userId, String password) {
    return HttpStatus.valueOf(http.withBasicAuth(userId, password).getForEntity("/engine-rest/engine", String.class)
        .getStatusCode().value());
  }

  @Test
  void employeeCannotLogIntoAdmin() {
    WebappSession browser = openWebapp();

    assertThat(browser.logIn("wendy", "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> admin = openWebapp().logIn("wendy", "admin");

    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.getHeaders().getFirst(XSRF_HEADER)).as("refused by authorization, not by CSRF").isNotEqualTo("Required");
    assertThat(openWebapp().logIn("admin", "admin").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void employeeCannotReadAnotherDepartmentsTask() {
    String taskId = TestProcess.SALES_TASK.startTask(processEngine);
    String tasks = "/engine-rest/task";
    String query = tasks + "?maxResults=100&processDefinitionKey=" + TestProcess.SALES_TASK.key;

    assertThat(http.withBasicAuth("wendy", "wendy").getForObject(query, String.class)).isEqualTo("[]");
    assertThat(http.withBasicAuth("wendy", "wendy").getForEntity(tasks + "/" + taskId, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("sam", "sam").getForObject(query, String.class)).contains(taskId);
  }

  @Test
  void employeeCannotDeploy() {
    long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
    byte[] model = Bpmn.convertToString(Bpmn.createExecutableProcess("Process_SecurityEmployeeDeploys")
        .startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8);

    ResponseEntity<String> response = ModelerDeployment.deploy(http, "wendy", "security-employee-deploys",
        Map.of("employee.bpmn", model));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /**
   * CVE-2026-77226: the first-run setup creates an administrator while camunda-admin is empty.
   * Spelled differently, the path is refused by our block (403) or as a malformed URL (400, by the
   * firewall or for a percent-encoded letter): never served, and never a server error.
   */
  @ParameterizedTest
  @CsvSource({
      "/camunda/api/admin/setup/{engine}/user/create, 403",
      "/camunda/api/admin/setup/{engine}/user/create/, 403",
      "/camunda/api/admin/%73etup/{engine}/user/create, 400",
      "/camunda/api/%61dmin/setup/{engine}/user/create, 400",
      "/camunda/api/admin/setup/{engine}/user/create;jsessionid=0, 400",
      "/camunda/api/admin//setup/{engine}/user/create, 400",
      "/camunda//api/admin/setup/{engine}/user/create, 400",
      "/camunda/api/admin/./setup/{engine}/user/create, 400"})
  void firstRunSetupIsClosed(String path, int status) {
    HttpHeaders headers = openWebapp().headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String intruder = """
        {"profile": {"id": "intruder", "firstName": "In", "lastName": "Truder", "email": "in@truder.example"},
         "credentials": {"password": "intruder-password"}}""";

    ResponseEntity<String> response = http.exchange(new RequestEntity<>(intruder, headers, HttpMethod.POST,
        URI.create(http.getRootUri() + path.replace("{engine}", processEngine.getName()))), String.class);

    assertThat(response.getStatusCode().value()).as("%s answered %s", path, response.getBody()).isEqualTo(status);
    assertThat(String.valueOf(response.getBody())).doesNotContain("Setup action not available"); // never reached Camunda
    assertThat(processEngine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void setupPathIsBlockedByUs() {
    ResponseEntity<String> response = http.postForEntity("/camunda/api/admin/setup/{engine}/user/create", "{}",
        String.class, processEngine.getName());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("\"detail\":\"this path is closed\"");
  }

  @Test
  void h2ConsoleIsClosed() {
    ResponseEntity<String> response = http.getForEntity("/h2-console", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("this path is closed");
  }

  @Test
  void aMalformedUrlIsABadRequest() {
    URI doubleSlash = URI.create(http.getRootUri() + "//engine-rest/engine"); // as is: a relative one names a host
    ResponseEntity<String> response = http.withBasicAuth("admin", "admin").getForEntity(doubleSlash, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("the URL is not valid").doesNotContain("Exception:");
  }

  @Test
  void healthIsOpen() {
    ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"").doesNotContain("components");
  }

  /** Spring Boot turns metrics export off in tests: administrators pass security, DurabilityIT sees the metrics. */
  @Test
  void metricsAreForAdministratorsOnly() {
    String prometheus = "/actuator/prometheus";

    assertThat(http.getForEntity(prometheus, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("wendy", "wendy").getForEntity(prometheus, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> admin = http.withBasicAuth("admin", "admin").getForEntity(prometheus, String.class);
    assertThat(admin.getStatusCode()).as("past security, to an endpoint tests run without").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump"})
  void otherActuatorEndpointsAreClosed(String path) {
    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> admin = http.withBasicAuth("admin", "admin").getForEntity(path, String.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(String.valueOf(admin.getBody())).doesNotContain("propertySources", "password");
  }

  @Test
  void webappsKeepCsrfProtection() {
    WebappSession browser = openWebapp();
    HttpHeaders withoutToken = browser.headers();
    withoutToken.remove(XSRF_HEADER);
    withoutToken.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> response = http.exchange("/camunda/api/admin/auth/user/{engine}/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(WebappSession.credentials("wendy"), withoutToken), String.class, processEngine.getName());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getFirst(XSRF_HEADER)).isEqualTo("Required");
  }

  private WebappSession openWebapp() {
    return WebappSession.open(http, processEngine.getName());
  }
}
