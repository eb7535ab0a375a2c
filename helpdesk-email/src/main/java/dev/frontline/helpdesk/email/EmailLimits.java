package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.ticket.NewAttachment;

/**
 * Resource limits for one incoming message. A message over any limit is quarantined (kept, never
 * added to a ticket), never parsed further. Immutable and thread-safe.
 *
 * @param maxMessageBytes largest raw message, in bytes (at most {@link NewAttachment#MAX_SIZE}, so
 *     the original can always be kept as an attachment)
 * @param maxHeaderBytes largest header block of the message or of any part, in bytes
 * @param maxHeaderFields most header fields in the message or in any part
 * @param maxDepth deepest nesting of multipart containers (1 = a multipart whose parts are leaves)
 * @param maxParts most body parts in the whole message (at most 99)
 */
public record EmailLimits(long maxMessageBytes, int maxHeaderBytes, int maxHeaderFields, int maxDepth, int maxParts) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a limit is not positive or too large
   */
  public EmailLimits {
    if (maxMessageBytes < 1 || maxMessageBytes > NewAttachment.MAX_SIZE) {
      throw new IllegalArgumentException("maxMessageBytes must be between 1 and " + NewAttachment.MAX_SIZE);
    }
    if (maxHeaderBytes < 1 || maxHeaderFields < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("header and depth limits must be positive");
    }
    if (maxParts < 1 || maxParts > 99) {
      throw new IllegalArgumentException("maxParts must be between 1 and 99");
    }
  }

  /**
   * @return 20 MiB per message, 256 KiB of headers, 1,000 header fields, depth 8, 64 parts
   */
  public static EmailLimits ofDefaults() {
    return new EmailLimits(20L * 1024 * 1024, 256 * 1024, 1000, 8, 64);
  }
}
