package io.opsflow.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a login against the Camunda identity service; the user's groups become authorities. A
 * login verified moments ago is taken from {@link VerifiedLogins}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final VerifiedLogins verifiedLogins;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, VerifiedLogins verifiedLogins) {
    this.identityService = identityService;
    this.verifiedLogins = verifiedLogins;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    if (userId == null || password == null) {
      throw new BadCredentialsException("wrong user or password");
    }
    VerifiedLogins.Login verified = verifiedLogins.find(userId, password.toString());
    if (verified != null) {
      return authenticated(userId, verified.groups());
    }
    long changeCount = verifiedLogins.changeCount();
    if (!identityService.checkPassword(userId, password.toString())) {
      throw new BadCredentialsException("wrong user or password");
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    verifiedLogins.remember(userId, password.toString(), groups, changeCount);
    return authenticated(userId, groups);
  }

  private static Authentication authenticated(String userId, List<String> groups) {
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        groups.stream().map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
