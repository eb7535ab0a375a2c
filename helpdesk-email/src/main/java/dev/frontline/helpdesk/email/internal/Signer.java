package dev.frontline.helpdesk.email.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures (truncated to 128 bits, URL-safe base64) with constant-time checks. */
public final class Signer {
  private static final int SIG_BYTES = 16;
  private final SecretKeySpec key;

  /** @param secret the key bytes (copied) */
  public Signer(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /**
   * @param purpose what the signature is for (domain separation: a reply-address signature is no
   *     Message-ID signature)
   * @param data the signed text
   * @return the signature
   */
  public String sign(String purpose, String data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, data));
  }

  /**
   * @param purpose as for {@link #sign}
   * @param data the signed text
   * @param signature the claimed signature
   * @return whether it is valid; compared in constant time
   */
  public boolean verify(String purpose, String data, String signature) {
    byte[] claimed;
    try {
      claimed = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(purpose, data), claimed);
  }

  private byte[] mac(String purpose, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)), SIG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
