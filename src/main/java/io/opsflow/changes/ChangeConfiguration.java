package io.opsflow.changes;

import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.Organisation;
import io.opsflow.platform.ProcessAccess;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Any member of a department may request a change; management follows every change. */
@Configuration
class ChangeConfiguration {

  @Bean
  ProcessAccess changeRolloutAccess(Organisation organisation) {
    return new ProcessAccess(ChangeRollout.PROCESS_KEY, new Departments(organisation), Set.of(OpsflowGroups.MANAGEMENT));
  }

  /**
   * The departments as they are when the access is granted (at start-up, after the organisation
   * is seeded), not when this bean is created.
   */
  private static final class Departments extends AbstractSet<String> {

    private final Organisation organisation;

    Departments(Organisation organisation) {
      this.organisation = organisation;
    }

    @Override
    public Iterator<String> iterator() {
      return organisation.departmentIds().iterator();
    }

    @Override
    public int size() {
      return organisation.departmentIds().size();
    }
  }
}
