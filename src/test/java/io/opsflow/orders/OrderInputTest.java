package io.opsflow.orders;

import static io.opsflow.BadInput.assertRefused;
import static io.opsflow.BadInput.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.BadInput;
import io.opsflow.OpsflowSpringTest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bad orders, over HTTP: each gets 400 naming the field and the rule, and nothing is stored or started. */
@OpsflowSpringTest
class OrderInputTest {

  private static final String SKU = "CABLE-USBC";
  private static final String NAME = "Ann Example";
  private static final String EMAIL = "ann@example.com";

  @Autowired TestRestTemplate http;

  @Autowired ProductRepository products;

  @RegisterExtension final BadInput badInput = new BadInput();

  static Stream<Arguments> badOrders() {
    return Stream.of(
        Arguments.of("CR LF in the name", order("Ann\r\nBcc: all@example.com", EMAIL, line(SKU, 1)),
            "customerName: must be one line"),
        Arguments.of("tab in the name", order("Ann\tExample", EMAIL, line(SKU, 1)), "customerName: must be one line"),
        Arguments.of("bell in the name", order("Ann\u0007", EMAIL, line(SKU, 1)), "customerName: must be one line"),
        Arguments.of("LF in the e-mail", order(NAME, "ann@example.com\nBcc: x@example.com", line(SKU, 1)),
            "customerEmail: must be one line"),
        Arguments.of("name too long", order(text(201), EMAIL, line(SKU, 1)), "customerName: size must be between 0 and 200"),
        Arguments.of("e-mail too long", order(NAME, text(250) + "@example.com", line(SKU, 1)),
            "customerEmail: size must be between 0 and 254"),
        Arguments.of("SKU too long", order(NAME, EMAIL, line(text(41), 1)), "lines[0].sku: size must be between 0 and 40"),
        Arguments.of("fractional quantity", order(NAME, EMAIL, line(SKU, 1.5)), "lines[0].quantity: must be a whole number"),
        Arguments.of("quantity above the maximum", order(NAME, EMAIL, line(SKU, 10_001)),
            "lines[0].quantity: must be less than or equal to 10000"),
        Arguments.of("quantity beyond any integer", order(NAME, EMAIL, line(SKU, 99_999_999_999L)),
            "lines[0].quantity: must be a whole number"),
        Arguments.of("quantity as a word", order(NAME, EMAIL, line(SKU, "two")), "lines[0].quantity: must be a whole number"),
        Arguments.of("too many lines", order(NAME, EMAIL, Collections.nCopies(101, Map.of("sku", SKU, "quantity", 1))),
            "lines: size must be between 0 and 100"),
        Arguments.of("lines not a list", order(NAME, EMAIL, "CABLE-USBC x 1"), "lines: must be a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOrders")
  void aBadOrderIsRefusedNamingTheFieldAndNothingIsStored(String what, Map<String, Object> order, String message) {
    badInput.assertPostRefused("sam", "/api/orders", order, message);
  }

  @Test
  void aTotalAboveWhatAnOrderCanHoldIsRefused() {
    Product costly = new OrderFixtures(products, http).product(1000, "9999999999.99");

    badInput.assertPostRefused("sam", "/api/orders", order(NAME, EMAIL, line(costly.sku(), 101)),
        "lines: the order total 1009999999998.99 is above 999999999999.99");
  }

  @Test
  void anUnknownStatusIsRefusedNamingTheValuesItMayHave() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("sam", "sam").getForEntity("/api/orders?status=LOST", JsonNode.class);

    assertRefused(response, HttpStatus.BAD_REQUEST, "status: must be one of NEEDS_ATTENTION, RECEIVED, AWAITING_APPROVAL, BACKORDERED");
  }

  @Test
  void aRestockAboveTheMaximumIsRefusedAndTheStockStaysAsItWas() {
    int onHand = products.findById(SKU).orElseThrow().onHand();

    ResponseEntity<JsonNode> response = http.withBasicAuth("will", "will").postForEntity("/api/products/" + SKU + "/restock",
        Map.of("quantity", 2_000_000_000), JsonNode.class);

    assertRefused(response, HttpStatus.BAD_REQUEST, "quantity: must be less than or equal to 10000");
    assertThat(products.findById(SKU).orElseThrow().onHand()).isEqualTo(onHand);
  }

  private static Map<String, Object> order(String customerName, String customerEmail, Object lines) {
    return Map.of("customerName", customerName, "customerEmail", customerEmail, "lines", lines);
  }

  private static List<Map<String, Object>> line(String sku, Object quantity) {
    return List.of(Map.of("sku", sku, "quantity", quantity));
  }
}
