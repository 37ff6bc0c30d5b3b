package io.opsflow.onboarding;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.onboarding.*}, checked at start-up.
 *
 * @param probationPeriod length of the probation period, and of each extension ({@code P3M})
 * @param equipment the equipment items per role (lower case); {@code default} for every other role
 */
@ConfigurationProperties(OnboardingProperties.PREFIX)
record OnboardingProperties(@DefaultValue("P3M") Period probationPeriod, Map<String, List<String>> equipment) {

  static final String PREFIX = "opsflow.onboarding";
  static final String DEFAULT_ROLE = "default";

  OnboardingProperties {
    if (probationPeriod.isZero() || probationPeriod.isNegative()) {
      throw new IllegalArgumentException(PREFIX + ".probation-period '" + probationPeriod + "' must be positive");
    }
    if (equipment == null || !equipment.containsKey(DEFAULT_ROLE)) {
      throw new IllegalArgumentException(PREFIX + ".equipment." + DEFAULT_ROLE
          + " must list the equipment of roles without their own list");
    }
    equipment = Map.copyOf(equipment);
  }

  /** The equipment a role needs; the default list for roles without their own. */
  List<String> equipmentFor(String role) {
    List<String> items = equipment.get(role.strip().toLowerCase(Locale.ROOT));
    return List.copyOf(items != null ? items : equipment.get(DEFAULT_ROLE));
  }
}
