package io.opsflow.platform;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The login form of the employees' pages (rendered here because it carries the CSRF token). */
@Controller
class PageLogin {

  @GetMapping(value = PagesSecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String login(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
    String message = error != null ? "<p class=\"message problem\">Wrong user or password.</p>"
        : logout != null ? "<p class=\"message ok\">You are logged out.</p>" : "";
    return Page.of("Log in", message + """
        <section>
        <form method="post" action="/me/login">
          <label>User <input name="username" id="username" autocomplete="username" required autofocus></label>
          <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
          %s
          <button type="submit" id="login">Log in</button>
        </form>
        <p class="hint">Your Opsflow user and password, the same as for Tasklist.</p>
        </section>
        """.formatted(Page.csrfField(csrf)));
  }
}
