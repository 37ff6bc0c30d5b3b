package io.opsflow.orders;

import static io.opsflow.orders.OrderFulfillment.MESSAGE_STOCK_ARRIVED;
import static io.opsflow.orders.OrderFulfillment.businessKey;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock and reservations. Every change write-locks the products concerned first (in SKU order)
 * and reads them fresh, so concurrent orders for the last units queue up instead of both taking
 * them; the database refuses negative stock as a last line of defence. An order's reservation
 * ends exactly once: {@link Order#endReservation()} tells whether this call held it, and the
 * order's version refuses the second of two transactions that both think they did.
 */
@Service
class Inventory {

  private final ProductRepository products;
  private final OrderRepository orders;
  private final OrderAccess access;
  private final RuntimeService runtimeService;
  private final EntityManager entityManager;
  private final EngineIdentity engineIdentity;

  Inventory(ProductRepository products, OrderRepository orders, OrderAccess access, RuntimeService runtimeService,
      EntityManager entityManager, EngineIdentity engineIdentity) {
    this.products = products;
    this.orders = orders;
    this.access = access;
    this.runtimeService = runtimeService;
    this.entityManager = entityManager;
    this.engineIdentity = engineIdentity;
  }

  @Transactional(readOnly = true)
  public List<Product> products() {
    return products.findAllByOrderBySku();
  }

  /**
   * "Reserve stock": every line of the order, or none. Returns whether the order is reserved.
   * Only a received (approval not needed, or given) or back-ordered order is reserved.
   */
  @Transactional
  public boolean reserve(long orderId, String processInstanceId) {
    Order order = orders.requireIn(orderId, processInstanceId);
    order.requireReservable();
    Map<String, Product> stock = lock(order);
    boolean allAvailable = order.lines().stream()
        .allMatch(line -> stock.get(line.sku()).canReserve(line.quantity()));
    if (!allAvailable) {
      order.backordered(OrderService.now());
      return false;
    }
    order.lines().forEach(line -> stock.get(line.sku()).reserve(line.quantity()));
    order.reserved(OrderService.now());
    return true;
  }

  /** Gives the order's reserved stock back; does nothing if it holds none (any more). */
  @Transactional
  public void release(Order order) {
    Map<String, Product> stock = lock(order);
    if (order.endReservation()) {
      order.lines().forEach(line -> stock.get(line.sku()).release(line.quantity()));
    }
  }

  /** The order's reserved stock leaves the warehouse with the parcel. */
  @Transactional
  public void takeOut(Order order) {
    Map<String, Product> stock = lock(order);
    if (!order.endReservation()) {
      throw ApiException.conflict("order " + order.id() + " holds no reserved stock to ship");
    }
    order.lines().forEach(line -> stock.get(line.sku()).takeOutReserved(line.quantity()));
  }

  /**
   * "Record shortage": the picker found {@code missing} units of {@code sku} fewer than reserved
   * for this order. Those units are written off, the rest of the reservation is released, and
   * the order is back-ordered.
   */
  @Transactional
  public void recordShortage(long orderId, String processInstanceId, String sku, Integer missing) {
    Order order = orders.requireIn(orderId, processInstanceId);
    OrderLine shortLine = order.line(sku == null ? "" : sku.strip()).orElseThrow(() ->
        ApiException.badField(OrderFulfillment.FORM_MISSING_SKU, "'" + sku + "' is not on order " + orderId));
    if (missing == null || missing < 1 || missing > shortLine.quantity()) {
      throw ApiException.badField(OrderFulfillment.FORM_MISSING_QUANTITY,
          "must be between 1 and " + shortLine.quantity() + ", the quantity ordered");
    }
    order.itemsMissing(OrderService.now());
    Map<String, Product> stock = lock(order);
    if (order.endReservation()) {
      for (OrderLine line : order.lines()) {
        int gone = line.sku().equals(shortLine.sku()) ? missing : 0;
        stock.get(line.sku()).takeOutReserved(gone);
        stock.get(line.sku()).release(line.quantity() - gone);
      }
    }
  }

  /** Books incoming stock and wakes the backorders waiting for it, oldest first. */
  @Transactional
  public Product restock(String sku, int quantity) {
    access.requireStockKeeper();
    Product product = lock(List.of(sku)).get(sku);
    if (product == null) {
      throw ApiException.notFound("product", sku);
    }
    product.restock(quantity);
    for (long orderId : orders.findIdsByStatusAndSku(OrderStatus.BACKORDERED, sku)) {
      engineIdentity.asEngine(() -> runtimeService.createMessageCorrelation(MESSAGE_STOCK_ARRIVED)
          .processInstanceBusinessKey(businessKey(orderId)).correlateAllWithResult());
    }
    return product;
  }

  private Map<String, Product> lock(Order order) {
    return lock(order.lines().stream().filter(OrderLine::isKnownArticle).map(OrderLine::sku).toList());
  }

  /**
   * Write-locks the products until the transaction ends, in SKU order so that two transactions
   * locking the same products cannot deadlock, and returns them by SKU (a SKU no product has is
   * left out). A product this transaction has not read yet is read once, with the lock; one it has
   * read already (to price the order) is read again with the lock: it may have changed since.
   */
  private Map<String, Product> lock(Collection<String> skus) {
    Map<String, Product> locked = new TreeMap<>();
    skus.stream().sorted().distinct().forEach(sku -> {
      Product product;
      if (readInThisTransaction(sku)) {
        product = entityManager.find(Product.class, sku);
        if (entityManager.getLockMode(product) != LockModeType.PESSIMISTIC_WRITE) {
          entityManager.refresh(product, LockModeType.PESSIMISTIC_WRITE);
        }
      } else {
        product = entityManager.find(Product.class, sku, LockModeType.PESSIMISTIC_WRITE);
      }
      if (product != null) {
        locked.put(sku, product);
      }
    });
    return locked;
  }

  /**
   * Whether the product is in this transaction's persistence context, asked without reading it.
   * (JPA's {@code find} with a lock on a product read before would only compare versions and fail
   * when it changed meanwhile, where a refresh takes the new stock.)
   */
  private boolean readInThisTransaction(String sku) {
    SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
    EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Product.class);
    return session.getPersistenceContextInternal().containsEntity(session.generateEntityKey(sku, persister));
  }
}
