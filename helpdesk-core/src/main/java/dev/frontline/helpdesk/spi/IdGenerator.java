package dev.frontline.helpdesk.spi;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates identifiers for tickets, entries, attachments and tokens. The default draws 128 random
 * bits from {@link SecureRandom}; tests inject a deterministic generator. Implementations must be
 * thread-safe and must never repeat an id.
 */
@FunctionalInterface
public interface IdGenerator {
  /** @return a new identifier matching {@code [A-Za-z0-9_-]{1,64}} */
  String next();

  /** @return the secure random default: 22 characters of URL-safe base64 (128 bits) */
  static IdGenerator secureRandom() {
    SecureRandom random = new SecureRandom();
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    return () -> {
      byte[] b = new byte[16];
      random.nextBytes(b);
      return enc.encodeToString(b);
    };
  }

  /**
   * A predictable generator for tests: {@code prefix-1}, {@code prefix-2}, ... Never use in
   * production: such ids can be guessed.
   *
   * @param prefix the prefix
   * @return the generator
   */
  static IdGenerator sequential(String prefix) {
    java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
    return () -> prefix + "-" + n.incrementAndGet();
  }
}
