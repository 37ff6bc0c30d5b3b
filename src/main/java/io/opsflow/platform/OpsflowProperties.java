package io.opsflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsflow.*} settings that several packages read; a package's own settings stay in its own
 * record ({@code opsflow.orders.*}, {@code opsflow.mail.*}, ...).
 *
 * @param publicUrl base of the links in mails, as users reach this server (no trailing slash)
 * @param calendar the working calendar that due dates are measured on; packages read it through
 *     the {@code WorkingCalendar} bean, which is made from it
 */
@ConfigurationProperties("opsflow")
public record OpsflowProperties(@DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue CalendarProperties calendar) {

  public OpsflowProperties {
    publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** {@code path} (starting with {@code /}) on this server as users reach it. */
  public String link(String path) {
    return publicUrl + path;
  }
}
