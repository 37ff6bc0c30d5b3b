package io.opsflow.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The list of orders is read by the departments involved only, like a single order. */
@OpsflowSpringTest
class OrderListReadersTest {

  @Autowired TestRestTemplate http;

  @Test
  void hrMayNotListOrders() {
    ResponseEntity<String> list = http.withBasicAuth("hugo", "hugo").getForEntity("/api/orders", String.class);

    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(list.getBody()).contains("only sales, finance, warehouse, management may see orders");
  }

  @Test
  void warehouseListsOrders() {
    assertThat(http.withBasicAuth("wendy", "wendy").getForEntity("/api/orders", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
