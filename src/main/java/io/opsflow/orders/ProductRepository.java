package io.opsflow.orders;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends JpaRepository<Product, String> {

  /**
   * The products, write-locked until the transaction ends, always in SKU order so that two
   * orders locking the same products cannot deadlock.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Product p where p.sku in :skus order by p.sku")
  List<Product> lockAll(@Param("skus") Collection<String> skus);

  List<Product> findAllByOrderBySku();
}
