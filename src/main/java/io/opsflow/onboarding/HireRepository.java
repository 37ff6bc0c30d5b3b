package io.opsflow.onboarding;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HireRepository extends JpaRepository<Hire, Long> {

  List<Hire> findTop200ByOrderByStartDateDescIdDesc();

  List<Hire> findTop200ByManagerIdOrderByStartDateDescIdDesc(String managerId);

  List<Hire> findByEmailIgnoreCaseAndStartDate(String email, LocalDate startDate);

  /** The hire as a step of process instance {@code processInstanceId} may change it: only its own. */
  default Hire inInstance(long hireId, String processInstanceId) {
    Hire hire = get(hireId);
    hire.requireProcessInstance(processInstanceId);
    return hire;
  }

  /** The hire of a running onboarding; its absence is a bug, not a user error. */
  default Hire get(long hireId) {
    return findById(hireId).orElseThrow(() -> new IllegalStateException("hire " + hireId + " does not exist"));
  }
}
