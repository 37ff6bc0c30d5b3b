package io.opsflow.orders;

import io.opsflow.platform.ApiException;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<Order, Long> {

  default Order require(long id) {
    return findById(id).orElseThrow(() -> ApiException.notFound("order", id));
  }

  List<Order> findTop200ByOrderByIdDesc();

  List<Order> findTop200ByStatusOrderByIdDesc(OrderStatus status);

  /** The backorders that wait for this product, oldest first: they get new stock first. */
  @Query("select distinct o.id from Order o join o.lines l where o.status = :status and l.sku = :sku order by o.id")
  List<Long> findIdsByStatusAndSku(@Param("status") OrderStatus status, @Param("sku") String sku);
}
