package io.opsflow.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.platform.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Refusals of a change request that the process never reaches, on the entity alone. */
class ChangeRequestRulesTest {

  static final Instant NOW = Instant.parse("2031-03-03T09:00:00Z");

  @Test
  void anApproverWithoutAPendingApprovalIsRefusedByName() {
    ChangeRequest change = change("it");
    change.assessed(Level.HIGH, List.of("irene"));

    assertThatThrownBy(() -> change.decideApproval("sarah", true, "sarah", NOW, null))
        .isInstanceOfSatisfying(ApiException.class, e -> isConflict(e, "no pending approval for sarah in submission round 1"));
  }

  @Test
  void aTeamTheChangeDoesNotAffectCannotBeBriefed() {
    ChangeRequest change = change("it");
    change.assessed(Level.LOW, List.of());
    change.approvedAsStandard(NOW);
    change.communicationPlanned("sam", NOW, "mail to all", "none");

    assertThatThrownBy(() -> change.teamBriefed("finance", "fiona", NOW, null))
        .isInstanceOfSatisfying(ApiException.class, e -> isConflict(e, "team finance is not affected"));
  }

  private static ChangeRequest change(String team) {
    ChangeDraft draft = new ChangeDraft("New VPN", "Replace the VPN gateway", "sam", List.of(team), "low", "low",
        "2031-03-17", "Switch back to the old gateway");
    return new ChangeRequest(draft, List.of(team), LocalDate.parse("2031-03-17"), NOW);
  }

  private static void isConflict(ApiException e, String message) {
    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(e.getMessage()).contains(message);
  }
}
