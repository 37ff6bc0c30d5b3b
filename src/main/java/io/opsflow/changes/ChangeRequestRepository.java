package io.opsflow.changes;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

  Optional<ChangeRequest> findByProcessInstanceId(String processInstanceId);

  List<ChangeRequest> findAllByOrderByIdDesc();
}
