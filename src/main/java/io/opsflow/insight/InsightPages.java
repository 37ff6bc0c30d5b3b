package io.opsflow.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The managers' pages: plain HTML and JavaScript under {@code static/insight/} that call the
 * API, and the login form (rendered here because it carries the CSRF token).
 */
@Controller
class InsightPages {

  private final String loginPage;

  InsightPages() {
    try (InputStream in = InsightPages.class.getResourceAsStream("/insight/login.html")) {
      this.loginPage = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping({"/insight", "/insight/"})
  String overview() {
    return "forward:/insight/index.html";
  }

  @GetMapping(value = InsightSecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String login(CsrfToken csrf, @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout) {
    String message = error != null ? "Wrong user or password."
        : logout != null ? "You are logged out." : "";
    return loginPage
        .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
        .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()))
        .replace("{{message}}", HtmlUtils.htmlEscape(message));
  }
}
