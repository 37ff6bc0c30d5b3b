package io.opsflow.orders;

import io.opsflow.platform.OpsflowGroups;
import io.opsflow.platform.ProcessAccess;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

  /** Sales starts orders (also from Tasklist); finance and the warehouse work on them. */
  @Bean
  ProcessAccess orderFulfillmentAccess() {
    return new ProcessAccess(OrderFulfillment.PROCESS_KEY, Set.of(OpsflowGroups.SALES),
        Set.of(OpsflowGroups.FINANCE, OpsflowGroups.WAREHOUSE));
  }
}
