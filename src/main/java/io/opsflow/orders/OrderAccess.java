package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.GROUP_FINANCE;
import static io.opsflow.orders.OrderFulfillment.GROUP_MANAGEMENT;
import static io.opsflow.orders.OrderFulfillment.GROUP_SALES;
import static io.opsflow.orders.OrderFulfillment.GROUP_WAREHOUSE;

import io.opsflow.platform.ApiException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with orders, decided on the groups of the engine identity of the request
 * (so it holds for our API and for Tasklist alike). {@code camunda-admin} may do everything.
 */
@Component
class OrderAccess {

  private final IdentityService identityService;

  OrderAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  void requirePlacer() {
    require("place orders", GROUP_SALES);
  }

  void requireReader() {
    require("see orders", GROUP_SALES, GROUP_FINANCE, GROUP_WAREHOUSE, GROUP_MANAGEMENT);
  }

  void requireCanceller() {
    require("cancel orders", GROUP_SALES);
  }

  void requireStockKeeper() {
    require("book incoming stock", GROUP_WAREHOUSE);
  }

  private void require(String action, String... groups) {
    Authentication user = identityService.getCurrentAuthentication();
    List<String> memberOf = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (memberOf.contains(Groups.CAMUNDA_ADMIN) || List.of(groups).stream().anyMatch(memberOf::contains)) {
      return;
    }
    throw new ApiException(HttpStatus.FORBIDDEN, "only " + String.join(", ", groups) + " may " + action);
  }
}
