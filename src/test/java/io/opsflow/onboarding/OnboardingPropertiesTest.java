package io.opsflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnboardingPropertiesTest {

  static final Map<String, List<String>> EQUIPMENT = Map.of(
      "default", List.of("Laptop"),
      "warehouse", List.of("Handheld scanner", "Safety shoes"));

  @Test
  void aRoleGetsItsOwnEquipmentWhateverItsCaseAndOthersTheDefault() {
    OnboardingProperties properties = new OnboardingProperties(Period.ofMonths(3), EQUIPMENT);

    assertThat(properties.equipmentFor(" Warehouse ")).containsExactly("Handheld scanner", "Safety shoes");
    assertThat(properties.equipmentFor("accountant")).containsExactly("Laptop");
  }

  @Test
  void aProbationPeriodThatIsNotPositiveFailsTheStartNamingTheProperty() {
    assertThatThrownBy(() -> new OnboardingProperties(Period.ZERO, EQUIPMENT))
        .hasMessage("opsflow.onboarding.probation-period 'P0D' must be positive");
    assertThatThrownBy(() -> new OnboardingProperties(Period.ofMonths(-1), EQUIPMENT))
        .hasMessage("opsflow.onboarding.probation-period 'P-1M' must be positive");
  }

  @Test
  void equipmentWithoutADefaultListFailsTheStartNamingTheProperty() {
    assertThatThrownBy(() -> new OnboardingProperties(Period.ofMonths(3), Map.of("sales", List.of("Phone"))))
        .hasMessage("opsflow.onboarding.equipment.default must list the equipment of roles without their own list");
  }
}
