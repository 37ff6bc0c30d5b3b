package io.opsflow.insight;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Insight refreshes its metrics on a schedule ({@link InsightMetrics}). */
@Configuration
@EnableScheduling
class InsightConfiguration {}
