package dev.frontline.helpdesk.email;

import java.time.Duration;
import java.util.Objects;

/**
 * How many messages from one sender address {@link EmailIntake} turns into tickets or replies
 * within a sliding window. A message over the limit is quarantined (kept, never added to a ticket)
 * and flagged {@link IntakeResult.Flag#RATE_LIMITED}: this stops mail loops with other automatic
 * systems and floods from one address. Only messages that were added to a ticket count; duplicates
 * and quarantined messages do not. The window is read from the helpdesk's clock. Immutable and
 * thread-safe.
 *
 * @param maxMessages most messages from one address within any {@code window}: 1 to {@value
 *     #MAX_MESSAGES}, or {@link Integer#MAX_VALUE} for no limit (see {@link #unlimited()})
 * @param window the length of the sliding window, from one second to {@value #MAX_WINDOW_DAYS} days
 */
public record SenderRateLimit(int maxMessages, Duration window) {
  /** Largest finite {@link #maxMessages()}. */
  public static final int MAX_MESSAGES = 100_000;

  /** Longest {@link #window()}, in days. */
  public static final int MAX_WINDOW_DAYS = 7;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code maxMessages} or {@code window} is out of range
   * @throws NullPointerException if {@code window} is null
   */
  public SenderRateLimit {
    Objects.requireNonNull(window, "window");
    if (maxMessages != Integer.MAX_VALUE && (maxMessages < 1 || maxMessages > MAX_MESSAGES)) {
      throw new IllegalArgumentException("maxMessages must be between 1 and " + MAX_MESSAGES + " (or Integer.MAX_VALUE for no limit)");
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) > 0) {
      throw new IllegalArgumentException("window must be between 1 second and " + MAX_WINDOW_DAYS + " days");
    }
  }

  /**
   * @return 20 messages per sender address per hour
   */
  public static SenderRateLimit ofDefaults() {
    return new SenderRateLimit(20, Duration.ofHours(1));
  }

  /**
   * @return no limit (for example when importing a mailbox in one go)
   */
  public static SenderRateLimit unlimited() {
    return new SenderRateLimit(Integer.MAX_VALUE, Duration.ofHours(1));
  }

  /**
   * @return whether this is {@link #unlimited()}
   */
  public boolean isUnlimited() {
    return maxMessages == Integer.MAX_VALUE;
  }
}
