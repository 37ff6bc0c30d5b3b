package io.opsflow.platform;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame of Opsflow's pages for employees ({@code /me/...}): plain HTML that works on a phone,
 * Opsflow's header, and escaping for everything that comes from people or processes.
 */
public final class Page {

  private Page() {}

  /** Text as HTML: every character that could start markup escaped. */
  public static String text(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
  }

  /** A whole page: {@code body} is HTML already (built with {@link #text}). */
  public static String of(String title, String body) {
    return of(title, "", body);
  }

  /** A whole page with more in its head (the page's own stylesheets and scripts), HTML already. */
  public static String of(String title, String head, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s</title>
          <link rel="stylesheet" href="/opsflow/pages.css">
        %s
        </head>
        <body>
        <header><img src="/opsflow/logo.svg" alt="" width="28" height="28"><span>Opsflow</span>
          <a href="/camunda/app/tasklist/">Tasklist</a></header>
        <main>
        <h1>%s</h1>
        %s
        </main>
        </body>
        </html>
        """.formatted(text("Opsflow: " + title), head, text(title), body);
  }

  /** The hidden field that carries the form's CSRF token. */
  public static String csrfField(CsrfToken csrf) {
    return "<input type=\"hidden\" name=\"" + text(csrf.getParameterName()) + "\" value=\"" + text(csrf.getToken()) + "\">";
  }
}
