package io.opsflow.platform;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportingLineRepository extends JpaRepository<ReportingLine, String> {

  List<ReportingLine> findByManagerIdOrderByUserId(String managerId);
}
