package io.opsflow.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentReviewRepository extends JpaRepository<DepartmentReview, Long> {

  List<DepartmentReview> findByProcessInstanceIdOrderByDepartment(String processInstanceId);
}
