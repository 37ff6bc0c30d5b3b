package io.opsflow.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.orders.ShopOrders;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.InputRules;
import io.opsflow.platform.Problems.InvalidParam;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders from webshops: the source must be configured (404), the body signed with its secret
 * (401), readable and valid in the source's format (400 naming the field as the shop names it).
 * Each external id is placed once: the receipt is written first, in the transaction that places
 * the order, so a concurrent second delivery waits on the unique key and, when the first commits,
 * gets its answer; a later one reads it.
 */
@Service
class InboundOrders {

  private static final Pattern WOOCOMMERCE_PING = Pattern.compile("webhook_id=[0-9]{1,20}");

  /** The answer, and whether this delivery placed the order (false: a redelivery). */
  record Receipt(InboundOrderView order, boolean placedNow) {}

  private final WebhookProperties properties;
  private final InboundOrderRepository receipts;
  private final ShopOrders shopOrders;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate transaction;

  InboundOrders(WebhookProperties properties, InboundOrderRepository receipts, ShopOrders shopOrders, ObjectMapper json,
      Validator validator, PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.receipts = receipts;
    this.shopOrders = shopOrders;
    this.json = json;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Whether the body is the ping WooCommerce sends when a webhook is saved ({@code webhook_id=12},
   * form-encoded), which must be answered 2xx for the webhook to be saved; it places nothing.
   */
  boolean isPing(String sourceName, byte[] body) {
    return source(sourceName).format() == ShopFormat.WOOCOMMERCE
        && WOOCOMMERCE_PING.matcher(new String(body, StandardCharsets.UTF_8)).matches();
  }

  Receipt receive(String sourceName, byte[] body, HttpHeaders headers) {
    WebhookProperties.Source source = source(sourceName);
    if (!source.format().signed(source.secret(), body, headers)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "the signature is missing or wrong: send " + Signatures.HEADER
          + ": sha256=<hex of the HMAC-SHA256 of the body with the source's secret>"
          + (source.format() == ShopFormat.WOOCOMMERCE ? " or WooCommerce's " + ShopFormat.WOOCOMMERCE_SIGNATURE : ""));
    }
    ShopOrder order = read(source.format(), body);
    Optional<InboundOrder> earlier = receipts.findBySourceAndExternalId(sourceName, order.externalId());
    if (earlier.isPresent()) {
      return new Receipt(earlier.get().view(), false);
    }
    try {
      return new Receipt(transaction.execute(status -> place(sourceName, order)), true);
    } catch (DataIntegrityViolationException concurrentDelivery) {
      return receipts.findBySourceAndExternalId(sourceName, order.externalId())
          .map(first -> new Receipt(first.view(), false)).orElseThrow(() -> concurrentDelivery);
    }
  }

  private WebhookProperties.Source source(String sourceName) {
    WebhookProperties.Source source = properties.inbound().get(sourceName);
    if (source == null) {
      throw ApiException.notFound("webhook source", sourceName);
    }
    return source;
  }

  private InboundOrderView place(String source, ShopOrder order) {
    ShopOrders.PlacedOrder placed = shopOrders.place(source, order.toNewOrder());
    InboundOrder receipt = new InboundOrder(source, order.externalId(), placed.orderId(), placed.status(),
        placed.unknownSkus(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    receipts.saveAndFlush(receipt);
    return receipt.view();
  }

  /** The body in the source's format as a valid {@link ShopOrder}, or 400 naming the field as the shop does. */
  private ShopOrder read(ShopFormat format, byte[] body) {
    ShopOrder order;
    try {
      order = format.toShopOrder(json.readValue(body, format.body()));
    } catch (IOException unreadable) {
      throw InputRules.unreadableBody(unreadable);
    }
    if (order == null) {
      throw ApiException.badField("body", "must be a JSON object");
    }
    Set<ConstraintViolation<ShopOrder>> violations = validator.validate(order);
    if (!violations.isEmpty()) {
      List<InvalidParam> fields = violations.stream()
          .map(v -> new InvalidParam(format.field(v.getPropertyPath().toString()), v.getMessage())).toList();
      throw ApiException.invalid(fields);
    }
    return order;
  }
}
