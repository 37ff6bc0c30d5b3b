package io.opsflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.platform.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Refusals of a hire that the process never reaches, on the entity alone. */
class HireRulesTest {

  static final Instant NOW = Instant.parse("2031-03-03T09:00:00Z");

  @Test
  void anEquipmentItemIsPreparedOnce() {
    Hire hire = new Hire(new HireRequest("Ada Lovelace", "ada@opsflow.example", "Engineer", "it", "irene", "2031-04-01"),
        LocalDate.parse("2031-04-01"), List.of("laptop"), Period.ofMonths(6), "hugo", NOW);
    hire.done(OnboardingStep.EQUIPMENT_PREPARED, "laptop", "ian", NOW);

    assertThatThrownBy(() -> hire.done(OnboardingStep.EQUIPMENT_PREPARED, "laptop", "ian", NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.getMessage()).contains("equipment item 'laptop'").contains("is already prepared");
        });
  }
}
