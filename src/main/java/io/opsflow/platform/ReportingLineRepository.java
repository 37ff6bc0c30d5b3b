package io.opsflow.platform;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportingLineRepository extends JpaRepository<ReportingLine, String> {}
