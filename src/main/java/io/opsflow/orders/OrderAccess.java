package io.opsflow.orders;

import static io.opsflow.platform.OpsflowGroups.FINANCE;
import static io.opsflow.platform.OpsflowGroups.MANAGEMENT;
import static io.opsflow.platform.OpsflowGroups.SALES;
import static io.opsflow.platform.OpsflowGroups.WAREHOUSE;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with orders, decided on the groups of the engine identity of the request
 * (so it holds for our API and for Tasklist alike). {@code camunda-admin} may do everything.
 */
@Component
class OrderAccess {

  private final EngineIdentity identity;

  OrderAccess(EngineIdentity identity) {
    this.identity = identity;
  }

  void requirePlacer() {
    require("place orders", SALES);
  }

  void requireReader() {
    require("see orders", SALES, FINANCE, WAREHOUSE, MANAGEMENT);
  }

  void requireCanceller() {
    require("cancel orders", SALES);
  }

  void requireStockKeeper() {
    require("book incoming stock", WAREHOUSE);
  }

  private void require(String action, String... groups) {
    if (!identity.isAdministratorOrInAnyOf(List.of(groups))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only " + String.join(", ", groups) + " may " + action);
    }
  }
}
