package io.opsflow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Unlocks the configured administrator ({@code camunda.bpm.admin-user.id}) at every start. Camunda
 * locks a user after {@code login-max-attempts} wrong passwords until an administrator unlocks
 * them in Admin; when the locked user is the administrator, nobody could, so restarting Opsflow is
 * the way back in.
 */
@Component
class AdministratorUnlock implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorUnlock.class);

  private final IdentityService identityService;
  private final String administratorId;

  AdministratorUnlock(IdentityService identityService, @Value("${camunda.bpm.admin-user.id:}") String administratorId) {
    this.identityService = identityService;
    this.administratorId = administratorId;
  }

  @Override
  public void run(ApplicationArguments args) {
    User administrator = identityService.createUserQuery().userId(administratorId).singleResult();
    if (administrator instanceof UserEntity entity && entity.getAttempts() > 0) {
      identityService.unlockUser(administratorId);
      LOG.warn("Unlocked the administrator '{}' after {} wrong password(s) since their last login", administratorId,
          entity.getAttempts());
    }
  }
}
