package io.opsflow.orders;

import io.opsflow.platform.ApiException;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<Order, Long> {

  /**
   * The order with its lines in one select (unless this transaction has it already): the steps
   * that read an order need its lines too (the next task's summary, the stock).
   */
  @Override
  @EntityGraph(attributePaths = "lines")
  Optional<Order> findById(Long id);

  default Order require(long id) {
    return findById(id).orElseThrow(() -> ApiException.notFound("order", id));
  }

  /** The order as a step of the process instance {@code processInstanceId} may change it: only its own. */
  default Order requireIn(long id, String processInstanceId) {
    Order order = require(id);
    order.requireProcessInstance(processInstanceId);
    return order;
  }

  /** The order, write-locked until the transaction ends: concurrent requests about it queue up. */
  default Order lock(long id) {
    return findLockedById(id).orElseThrow(() -> ApiException.notFound("order", id));
  }

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Order o where o.id = :id")
  Optional<Order> findLockedById(@Param("id") long id);

  List<Order> findTop200ByOrderByIdDesc();

  List<Order> findTop200ByStatusOrderByIdDesc(OrderStatus status);

  /** The backorders that wait for this product, oldest first: they get new stock first. */
  @Query("select distinct o.id from Order o join o.lines l where o.status = :status and l.sku = :sku order by o.id")
  List<Long> findIdsByStatusAndSku(@Param("status") OrderStatus status, @Param("sku") String sku);
}
