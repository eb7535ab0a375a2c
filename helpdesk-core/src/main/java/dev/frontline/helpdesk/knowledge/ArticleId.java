package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a knowledge-base article. Generated ids are random (122 bits), so they cannot be
 * guessed. Immutable and thread-safe.
 *
 * @param value the identifier; 1 to 64 characters of letters, digits, {@code - _ . : @}
 */
public record ArticleId(String value) implements Comparable<ArticleId> {
  /** Validates the identifier. */
  public ArticleId {
    Checks.identifier(value, "ArticleId");
  }

  /**
   * Wraps an identifier.
   *
   * @param value the identifier
   * @return the typed id
   * @throws dev.frontline.helpdesk.ValidationException if the value is not a valid identifier
   */
  public static ArticleId of(String value) {
    return new ArticleId(Objects.requireNonNull(value, "value"));
  }

  /** @return a new random id */
  public static ArticleId random() {
    return new ArticleId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(ArticleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
