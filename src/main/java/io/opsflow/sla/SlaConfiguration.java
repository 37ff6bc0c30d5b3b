package io.opsflow.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SlaConfiguration {

  @Bean
  WorkingCalendar workingCalendar(CalendarProperties properties) {
    return properties.toCalendar();
  }
}
