package io.opsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The groups with authorizations, kept per engine: they are read seldom, and nothing known is lost. */
class AuthorizedGroupsTest {

  final AuthorizedGroups groups = new AuthorizedGroups();

  @Test
  void areReadOnceAndThenKept() {
    assertThat(groups.get(() -> List.of("sales", "warehouse"))).containsExactlyInAnyOrder("sales", "warehouse");

    assertThat(groups.get(() -> {
      throw new AssertionError("read again within " + AuthorizedGroups.REFRESH);
    })).containsExactlyInAnyOrder("sales", "warehouse");
  }

  @Test
  void aGroupAddedWhileTheDatabaseIsReadIsKept() {
    Set<String> read = groups.get(() -> {
      groups.added("hr"); // its grant committed after this read began, which did not see it
      return List.of("sales");
    });

    assertThat(read).containsExactlyInAnyOrder("sales", "hr");
    assertThat(groups.contains("hr")).isTrue();
  }

  @Test
  void aGroupAddedBeforeTheFirstReadIsKept() {
    groups.added("hr");

    assertThat(groups.get(() -> List.of("sales"))).containsExactlyInAnyOrder("sales", "hr");
  }

  @Test
  void leavesOutNoGroupId() {
    assertThat(groups.get(() -> java.util.Arrays.asList("sales", null))).containsExactly("sales");
  }
}
