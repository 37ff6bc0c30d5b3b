package io.opsflow.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of raw bodies, in and out: {@code X-Opsflow-Signature: sha256=<hex>}.
 * Signatures are compared in constant time, so the time of a refusal tells nothing about how much
 * of a forged signature was right.
 */
final class Signatures {

  static final String HEADER = "X-Opsflow-Signature";
  static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private Signatures() {}

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** {@code sha256=<hex>}: the value of {@value #HEADER}. */
  static String header(String secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  /** Whether {@code header} is {@code sha256=<hex>} of the body's HMAC (hex in either case). */
  static boolean matchesHex(String secret, byte[] body, String header) {
    return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        && matches(secret, body, header.substring(PREFIX.length()), HexFormat.of()::parseHex);
  }

  /** Whether {@code header} is the base64 of the body's HMAC (WooCommerce's {@code X-WC-Webhook-Signature}). */
  static boolean matchesBase64(String secret, byte[] body, String header) {
    return header != null && matches(secret, body, header, Base64.getDecoder()::decode);
  }

  /** Whether the signature, decoded, is the body's HMAC; a signature that does not decode is none. */
  private static boolean matches(String secret, byte[] body, String signature, Function<String, byte[]> decoder) {
    byte[] given;
    try {
      given = decoder.apply(signature.strip());
    } catch (IllegalArgumentException notEncoded) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }
}
