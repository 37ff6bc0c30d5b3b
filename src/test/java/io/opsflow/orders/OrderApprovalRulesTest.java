package io.opsflow.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.platform.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Finance's decision on an order, on the entity alone: once, and a second one says who decided. */
class OrderApprovalRulesTest {

  static final Instant NOW = Instant.parse("2031-03-03T09:00:00Z");
  static final BigDecimal THRESHOLD = new BigDecimal("1000.00");

  @Test
  void aSecondDecisionAfterARejectionIsRefusedNamingTheRejection() {
    Order order = orderOf("600.00", 2);
    order.approvalDecided(false, "fred", NOW);

    assertThatThrownBy(() -> order.approvalDecided(true, "fiona", NOW)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(e.getMessage()).contains("was already rejected by fred");
    });
  }

  private static Order orderOf(String price, int quantity) {
    Product product = new Product("T-LAMP", "Test lamp", new BigDecimal(price), 10);
    return new Order("Jane Doe", "jane@example.com", List.of(new OrderLine(product, quantity)), THRESHOLD, "sam", NOW);
  }
}
