package io.opsflow.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Logins whose password the identity service verified in the last {@link #LIFETIME}, so that an
 * integration sending HTTP Basic with every request does not cost a password check and a group
 * lookup (two engine commands) per request. Keyed by an HMAC of user and password under a key
 * that lives only in this process: no password is kept. Only verified logins are remembered; a
 * wrong password always reaches the identity service (and counts toward the user's lock).
 *
 * <p>Forgotten at once, all of them, when any user, group or membership changes, a password is
 * changed or a user unlocked; a user's own when a password given for them was wrong, after which
 * Camunda delays and in the end locks them ({@link ChangeAwareIdentityProvider}, in the engine:
 * Admin, the engine REST API and Java code alike). On other nodes of a cluster a change takes
 * effect within {@link #LIFETIME}.
 */
@Component
class VerifiedLogins {

  static final Duration LIFETIME = Duration.ofSeconds(30);
  private static final int MAX_LOGINS = 10_000;

  /** A verified login: who, with which groups, until when (System.nanoTime). */
  record Login(String userId, List<String> groups, long validUntil) {}

  private final Map<String, Login> logins = new ConcurrentHashMap<>();
  /** Counts the times logins were forgotten: a check that began before one is not remembered. */
  private final AtomicLong changes = new AtomicLong();
  private final SecretKeySpec key;

  VerifiedLogins() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The login, if this user and password were verified within the lifetime and nothing changed since. */
  Login find(String userId, String password) {
    Login login = logins.get(keyOf(userId, password));
    return login != null && login.validUntil() - System.nanoTime() > 0 ? login : null;
  }

  /** Taken before a password check; {@link #remember} remembers only if nothing changed since. */
  long changeCount() {
    return changes.get();
  }

  void remember(String userId, String password, List<String> groups, long changeCountBeforeCheck) {
    if (logins.size() >= MAX_LOGINS) {
      long now = System.nanoTime();
      logins.values().removeIf(login -> login.validUntil() - now <= 0);
      if (logins.size() >= MAX_LOGINS) {
        return;
      }
    }
    String loginKey = keyOf(userId, password);
    logins.put(loginKey, new Login(userId, List.copyOf(groups), System.nanoTime() + LIFETIME.toNanos()));
    if (changes.get() != changeCountBeforeCheck) {
      logins.remove(loginKey);
    }
  }

  /** A user, group, membership or password changed: every login is checked again. */
  void forgetAll() {
    changes.incrementAndGet();
    logins.clear();
  }

  /** The user's password was wrong (Camunda delays or locks them): their logins are checked again. */
  void forgetUser(String userId) {
    changes.incrementAndGet();
    logins.values().removeIf(login -> login.userId().equals(userId));
  }

  private String keyOf(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
