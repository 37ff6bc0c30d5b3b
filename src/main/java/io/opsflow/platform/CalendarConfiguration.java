package io.opsflow.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working calendar of {@code opsflow.calendar.*}, for every package that measures time. */
@Configuration
class CalendarConfiguration {

  @Bean
  WorkingCalendar workingCalendar(OpsflowProperties properties) {
    return properties.calendar().toCalendar();
  }
}
