package io.opsflow.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HireRepository extends JpaRepository<Hire, Long> {

  List<Hire> findAllByOrderByStartDateAscIdAsc();

  List<Hire> findByManagerIdOrderByStartDateAscIdAsc(String managerId);

  /** The hire of a running onboarding; its absence is a bug, not a user error. */
  default Hire get(long hireId) {
    return findById(hireId).orElseThrow(() -> new IllegalStateException("hire " + hireId + " does not exist"));
  }
}
