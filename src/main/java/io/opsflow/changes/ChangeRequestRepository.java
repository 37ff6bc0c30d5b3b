package io.opsflow.changes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

  List<ChangeRequest> findTop200ByOrderByIdDesc();
}
