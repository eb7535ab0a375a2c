package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook payloads with HMAC-SHA256 over {@code timestamp + "." + body}, in a
 * header value of the form {@code t=<epoch seconds>,v1=<hex>}. Verification compares in constant
 * time and rejects timestamps outside a tolerance (old captures); a receiver that must accept each
 * delivery once also remembers delivery ids (helpdesk-jackson's {@code WebhookReceiver}). Immutable and
 * thread-safe.
 */
public final class WebhookSignature {
  private static final String ALGORITHM = "HmacSHA256";
  private final byte[] secret;

  private WebhookSignature(byte[] secret) {
    this.secret = secret.clone();
  }

  /**
   * @param secret the shared secret, at least 32 bytes
   * @return a signer for that secret
   */
  public static WebhookSignature withSecret(byte[] secret) {
    Checks.notNull(secret, "secret");
    Checks.require(secret.length >= 32, "a webhook secret has at least 32 bytes");
    return new WebhookSignature(secret);
  }

  /**
   * @param at the signing time
   * @param body the exact payload bytes as sent
   * @return the header value {@code t=...,v1=...}
   */
  public String sign(Instant at, String body) {
    Checks.notNull(at, "time");
    Checks.notNull(body, "body");
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
  }

  /**
   * @param header the received header value
   * @param body the received payload
   * @param now the current time
   * @param tolerance how far the timestamp may be from now
   * @return whether the signature is valid and fresh
   */
  public boolean verify(String header, String body, Instant now, Duration tolerance) {
    if (header == null || body == null || header.length() > 500) {
      return false;
    }
    Long t = null;
    byte[] given = null;
    for (String part : header.split(",")) {
      String p = part.strip();
      try {
        if (p.startsWith("t=")) {
          t = Long.parseLong(p.substring(2));
        } else if (p.startsWith("v1=")) {
          given = HexFormat.of().parseHex(p.substring(3));
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (t == null || given == null) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - t) > tolerance.getSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(mac(t, body), given);
  }

  private byte[] mac(long t, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
