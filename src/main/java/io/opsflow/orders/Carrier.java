package io.opsflow.orders;

import io.opsflow.platform.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The carriers the warehouse ships with, as offered by the "Ship order" form. */
enum Carrier {
  DHL, DPD, GLS, UPS, FEDEX;

  /** Tracking numbers of these carriers: 8 to 35 letters and digits. */
  static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{8,35}");

  static Carrier of(String name) {
    String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(carrier -> carrier.name().equals(wanted)).findFirst()
        .orElseThrow(() -> ApiException.badField(OrderFulfillment.FORM_CARRIER, "'" + name + "' is not one of " + names()));
  }

  /** The tracking number in its canonical form (no spaces, upper case), or a failure naming it. */
  static String trackingNumber(String value) {
    String normalized = value == null ? "" : value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!TRACKING_NUMBER.matcher(normalized).matches()) {
      throw ApiException.badField(OrderFulfillment.FORM_TRACKING_NUMBER,
          "'" + value + "' is not a tracking number (8 to 35 letters and digits)");
    }
    return normalized;
  }

  private static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
