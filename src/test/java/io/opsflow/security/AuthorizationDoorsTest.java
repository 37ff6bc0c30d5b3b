package io.opsflow.security;

import static io.opsflow.security.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.OpsflowSpringTest;
import io.opsflow.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rights are grants, and a change of them applies with the next request: nobody creates a revoke
 * authorization at any door (employees are refused outright, administrators with a 400 naming
 * {@code type}), so the engine skips its revoke checks; a group's first grant and a deleted grant
 * apply at once, although the groups with authorizations are no longer read per engine command.
 */
@OpsflowSpringTest
class AuthorizationDoorsTest {

  private static final String PROCESS = "Process_OrderFulfillment";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @RegisterExtension final Hostile hostile = new Hostile();

  String member;
  String group;

  @AfterEach
  void removeTheNewcomers() {
    if (member != null) {
      identity.deleteUser(member);
      jdbc.update("delete from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", group);
      jdbc.update("delete from ACT_ID_GROUP where ID_ = ?", group);
      jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?", group);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sam", "wendy"})
  void anEmployeeCannotRevokeAnythingAtEitherDoor(String employee) {
    Map<String, Object> revokeFromManagement = revoke("management");

    assertRefused(hostile.post(employee, "/engine-rest/authorization/create", revokeFromManagement), HttpStatus.FORBIDDEN,
        "is for administrators");
    ResponseEntity<String> throughTasklist = hostile.tasklist(employee)
        .engineApi(HttpMethod.POST, "/authorization/create", revokeFromManagement);

    assertThat(throughTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(revokes()).isZero();
  }

  @Test
  void anAdministratorIsToldThatOpsflowOnlyGrants() {
    ResponseEntity<JsonNode> refused = hostile.post("admin", "/engine-rest/authorization/create", revoke("sales"));

    assertRefused(refused, HttpStatus.BAD_REQUEST, "type: must be 1 (grant) or 0 (global)", "revoke");
    assertThat(refused.getBody().get("invalid-params")).hasSize(1);
    assertThat(refused.getBody().get("invalid-params").get(0).get("name").asText()).isEqualTo("type");
    assertThat(refused.getBody().get("message").asText()).as("what Modeler and the webapps show")
        .startsWith("type: must be 1 (grant)");
    assertThat(revokes()).isZero();
  }

  @Test
  void adminIsToldSoToo() {
    WebappSession admin = WebappSession.open(http, engine.getName());
    assertThat(admin.logIn("admin", "admin").getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> refused = admin.engineApi(HttpMethod.POST, "/authorization/create", revoke("sales"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("type: must be 1 (grant) or 0 (global)");
    assertThat(revokes()).isZero();
  }

  @Test
  void javaCodeCannotRevokeNorTurnAGrantIntoARevoke() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("sales");
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(PROCESS);
    revoke.removePermission(Permissions.READ);

    assertThatThrownBy(() -> authorizations.saveAuthorization(revoke))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("type: must be 1 (grant)");

    AuthorizationEntity grant = (AuthorizationEntity) authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn("sales").resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(PROCESS).singleResult();
    grant.setAuthorizationType(Authorization.AUTH_TYPE_REVOKE);

    assertThatThrownBy(() -> authorizations.saveAuthorization(grant)).isInstanceOf(BadUserRequestException.class);
    assertThat(revokes()).isZero();
  }

  @Test
  void aGroupsFirstGrantAndItsDeletionApplyAtOnce() {
    newcomerInAGroupWithoutAuthorizations();
    assertThat(definitionsTheMemberSees()).as("nothing granted yet").isEmpty();

    ResponseEntity<JsonNode> granted = hostile.post("admin", "/engine-rest/authorization/create", Map.of("type", 1,
        "groupId", group, "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", PROCESS,
        "permissions", List.of("READ")));
    assertThat(granted.getStatusCode()).as("%s", granted.getBody()).isEqualTo(HttpStatus.OK);

    assertThat(definitionsTheMemberSees()).as("the grant, with the next request").containsOnly(PROCESS);

    ResponseEntity<JsonNode> deleted = hostile.call("admin", HttpMethod.DELETE,
        "/engine-rest/authorization/" + granted.getBody().get("id").asText(), null);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(definitionsTheMemberSees()).as("the deletion, with the next request").isEmpty();
  }

  /**
   * A group as a directory brings it (here written to the identity tables directly): unlike one
   * saved through the engine, it has no authorization of its own, so it is not among the groups
   * with authorizations until it is granted something.
   */
  private void newcomerInAGroupWithoutAuthorizations() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    member = "newcomer" + suffix;
    group = "newteam" + suffix;
    User user = identity.newUser(member);
    user.setPassword(member);
    identity.saveUser(user);
    jdbc.update("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, 'New team', 'WORKGROUP')", group);
    jdbc.update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", member, group);
  }

  private List<String> definitionsTheMemberSees() {
    JsonNode definitions = hostile.get(member, "/engine-rest/process-definition?maxResults=10&latestVersion=true&key=" + PROCESS);
    return definitions.findValuesAsText("key");
  }

  private static Map<String, Object> revoke(String groupId) {
    return Map.of("type", Authorization.AUTH_TYPE_REVOKE, "groupId", groupId,
        "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", PROCESS, "permissions", List.of("READ"));
  }

  private long revokes() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
  }
}
