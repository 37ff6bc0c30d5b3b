package io.opsflow.orders;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalogue, seeded in the demo profile only (a real shop brings its own): each product
 * is added once and never touched again, so restarts keep the stock as it was.
 */
@Component
@Profile("demo")
class DemoProducts implements ApplicationRunner {

  private record DemoProduct(String sku, String name, String price, int onHand) {}

  private static final List<DemoProduct> CATALOGUE = List.of(
      new DemoProduct("DESK-OAK", "Oak desk", "449.00", 20),
      new DemoProduct("CHAIR-ERGO", "Ergonomic office chair", "289.00", 25),
      new DemoProduct("MONITOR-27", "27-inch monitor", "329.00", 15),
      new DemoProduct("LAMP-LED", "LED desk lamp", "39.90", 100),
      new DemoProduct("CABLE-USBC", "USB-C cable, 2 m", "9.90", 500),
      new DemoProduct("PRINTER-LASER", "Laser printer", "199.00", 0));

  private final ProductRepository products;

  DemoProducts(ProductRepository products) {
    this.products = products;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    CATALOGUE.stream().filter(demo -> !products.existsById(demo.sku())).forEach(demo ->
        products.save(new Product(demo.sku(), demo.name(), new BigDecimal(demo.price()), demo.onHand())));
  }
}
