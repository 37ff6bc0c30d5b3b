package io.opsflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code POST /api/orders}, {@code /api/hires} and {@code /api/changes} with an
 * {@code Idempotency-Key} header: a client that retries (its connection broke before the answer
 * came) gets the first answer again, with 200 and {@code Idempotent-Replayed: true}, and nothing
 * is created twice. The same key with another body is refused with 422, and while the first
 * request runs with 409. Only a success is kept: a refused request may be retried with its key.
 * <p>
 * The request runs in one transaction that the creation joins, and the answer is stored in it
 * before it commits ({@link IdempotencyKeys}); the client gets the answer only after that commit.
 * After Spring Security, so the user is known.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  static final String KEY_RULE = "must be 1 to " + IdempotentRequest.MAX_KEY_LENGTH
      + " printable ASCII characters, sent once (a UUID is a good key)";
  static final Set<String> CREATIONS = Set.of("/api/orders", "/api/hires", "/api/changes");
  static final String KEY_PATTERN = "[\\x20-\\x7E]{1," + IdempotentRequest.MAX_KEY_LENGTH + "}";
  private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

  private final IdempotencyKeys keys;
  private final PlatformTransactionManager transactions;

  IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions) {
    this.keys = keys;
    this.transactions = transactions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
        || !CREATIONS.contains(endpointPath(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> sent = Collections.list(request.getHeaders(HEADER));
    if (sent.size() != 1 || !KEY.matcher(sent.get(0)).matches()) {
      Problems.write(response, Problems.of(ApiException.badField(HEADER, KEY_RULE)));
      return;
    }
    CachedBodyRequest body = CachedBodyRequest.of(request, RequestSizeLimit.MAX_BYTES);
    if (body == null) {
      Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.MESSAGE);
      return;
    }
    IdempotencyKeys.Claim claim;
    try {
      claim = keys.claim(SecurityContextHolder.getContext().getAuthentication().getName(),
          "POST " + endpointPath(request), sent.get(0), sha256(body.body()));
    } catch (ApiException refusal) {
      Problems.write(response, refusal.status(), refusal.getMessage());
      return;
    }
    if (claim instanceof IdempotencyKeys.Replay replay) {
      response.setStatus(HttpStatus.OK.value());
      response.setHeader(REPLAYED, "true");
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(replay.body() == null ? new byte[0] : replay.body().getBytes(StandardCharsets.UTF_8));
      return;
    }
    runClaimed((IdempotencyKeys.Granted) claim, body, response, chain);
  }

  /**
   * The request in one transaction with the storing of its answer; the answer leaves only after
   * the commit. A request that failed, or whose commit failed, gives its claim up.
   */
  private void runClaimed(IdempotencyKeys.Granted claim, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
    boolean committed = false;
    try {
      chain.doFilter(request, answer);
      if (succeeded(answer) && keys.answer(claim, answer.getStatus(),
          new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8))) {
        transactions.commit(transaction);
        committed = true;
      }
    } finally {
      if (!transaction.isCompleted()) {
        transactions.rollback(transaction);
      }
      if (!committed) {
        keys.release(claim);
      }
    }
    if (committed || !succeeded(answer)) {
      answer.copyBodyToResponse();
      return;
    }
    response.reset();
    Problems.write(response, HttpStatus.CONFLICT, HEADER + ": a retry with the same key took this request over; its answer counts");
  }

  private static boolean succeeded(HttpServletResponse response) {
    return HttpStatus.valueOf(response.getStatus()).is2xxSuccessful();
  }

  private static String endpointPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
