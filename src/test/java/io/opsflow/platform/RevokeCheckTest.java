package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine checks for revoke authorizations only where there can be some: none can be created
 * (AuthorizationDoorsTest), so it does not look for them; one found in the database at start-up
 * (written before Opsflow refused them, or into the database directly) is enforced.
 */
@OpsflowSpringTest
class RevokeCheckTest {

  private static final String PROCESS = "Process_OrderFulfillment";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  String revokeId;

  @AfterEach
  void removeTheRevoke() {
    if (revokeId != null) {
      jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ = ?", revokeId);
      configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      OpsflowAuthorizationManager.chooseRevokeCheck(engine);
    }
    assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void withoutRevokesTheEngineDoesNotLookForThem() {
    assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void aRevokeFoundAtStartUpIsEnforced() {
    assertThat(definitionsSamSees()).as("sales starts orders").contains(PROCESS);
    revokeId = UUID.randomUUID().toString();
    jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " values (?, 1, ?, 'sam', ?, ?, ?)", revokeId, Authorization.AUTH_TYPE_REVOKE,
        Resources.PROCESS_DEFINITION.resourceType(), PROCESS, ~Permissions.READ.getValue());

    configuration().setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    OpsflowAuthorizationManager.chooseRevokeCheck(engine); // as at a start

    assertThat(configuration().getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    assertThat(definitionsSamSees()).doesNotContain(PROCESS);
  }

  private String definitionsSamSees() {
    return http.withBasicAuth("sam", "sam").getForObject("/engine-rest/process-definition?maxResults=10&key=" + PROCESS, String.class);
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
