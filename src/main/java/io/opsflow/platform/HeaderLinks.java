package io.opsflow.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links Tasklist's header shows the logged-in person (its plugin {@code opsflow-links.js}):
 * the handbook ({@code opsflow.handbook-url}, Opsflow's own {@code /handbook} by default), insight for managers and
 * administrators, the webhooks page for administrators, and the out-of-office page for everyone.
 */
@RestController
class HeaderLinks {

  record Link(String id, String label, String href) {}

  static final String OUT_OF_OFFICE = "/me/out-of-office";
  static final String WEBHOOKS = "/me/webhooks";
  private static final List<String> SEE_INSIGHT = List.of(OpsflowGroups.MANAGEMENT, OpsflowGroups.ADMINISTRATORS);

  private final String handbookUrl;

  HeaderLinks(@Value("${opsflow.handbook-url:}") String handbookUrl) {
    this.handbookUrl = handbookUrl.isBlank() ? null : handbookUrl;
  }

  @GetMapping("/me/links")
  List<Link> links(Authentication login) {
    List<Link> links = new ArrayList<>();
    if (handbookUrl != null) {
      links.add(new Link("handbook", "Handbook", handbookUrl));
    }
    List<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (groups.stream().anyMatch(SEE_INSIGHT::contains)) {
      links.add(new Link("insight", "Insight", "/insight"));
    }
    if (groups.contains(OpsflowGroups.ADMINISTRATORS)) {
      links.add(new Link("webhooks", "Webhooks", WEBHOOKS));
    }
    links.add(new Link("out-of-office", "Out of office", OUT_OF_OFFICE));
    return links;
  }
}
