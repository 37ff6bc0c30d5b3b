package io.opsflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The page a browser gets for an unknown address, a refused page or a failure, in the frame of
 * Opsflow's other pages and in words, instead of the servlet container's; API clients keep their
 * problem JSON. Nothing of the request or the failure is echoed.
 */
@Component
class ErrorPages implements ErrorViewResolver {

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String html = Page.of(title(status), "<p>" + Page.text(advice(status)) + "</p>"
        + "<p><a href=\"/camunda/app/tasklist/\">Go to Tasklist</a></p>");
    View page = (values, req, response) -> {
      response.setContentType("text/html;charset=UTF-8");
      response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    };
    ModelAndView answer = new ModelAndView(page);
    answer.setStatus(status);
    return answer;
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Page not found";
      case FORBIDDEN -> "Not for your login";
      default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
    };
  }

  private static String advice(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is no page at this address. Check the link, or start from Tasklist.";
      case FORBIDDEN -> "Your login may not open this page. Ask an administrator if your work needs it.";
      default -> status.is5xxServerError()
          ? "Opsflow could not finish this request. Try again in a minute; if it keeps happening, tell an administrator."
          : "Opsflow could not serve this request (" + status.value() + ").";
    };
  }
}
