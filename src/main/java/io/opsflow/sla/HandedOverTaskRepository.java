package io.opsflow.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandedOverTaskRepository extends JpaRepository<HandedOverTask, Long> {

  List<HandedOverTask> findByAbsenceIdOrderByHandedAtAscIdAsc(long absenceId);
}
