package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;

/**
 * Metadata of a file attached to an entry. The content lives in the {@link
 * dev.frontline.helpdesk.spi.BlobStore} under {@code blobKey}. The declared content type is the
 * sender's claim and must not be trusted for inline rendering. Immutable.
 *
 * @param id random identifier
 * @param fileName the file name as sent (single line, at most 255 characters)
 * @param contentType the declared media type, e.g. {@code application/pdf}
 * @param size size in bytes
 * @param blobKey key of the content in the blob store
 */
public record Attachment(AttachmentId id, String fileName, String contentType, long size, String blobKey) {
  /** Validates all fields. */
  public Attachment {
    Checks.notNull(id, "attachment id");
    Checks.line(fileName, "attachment file name", 255);
    Checks.line(contentType, "attachment content type", 255);
    Checks.require(size >= 0, "attachment size must not be negative");
    Checks.line(blobKey, "attachment blob key", 200);
  }
}
