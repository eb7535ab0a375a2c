package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;

/**
 * A file to attach to a new entry. The content is copied into the blob store; the declared content
 * type is kept but never trusted for inline rendering.
 *
 * @param fileName file name (single line)
 * @param contentType declared media type
 * @param content the bytes (at most {@link #MAX_SIZE})
 */
public record NewAttachment(String fileName, String contentType, byte[] content) {
  /** Largest attachment, in bytes. */
  public static final int MAX_SIZE = 25 * 1024 * 1024;

  /** Validates and copies the content. */
  public NewAttachment {
    Checks.line(fileName, "attachment file name", 255);
    Checks.line(contentType, "attachment content type", 255);
    Checks.notNull(content, "attachment content");
    Checks.require(content.length <= MAX_SIZE, "attachment must be at most " + MAX_SIZE + " bytes");
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewAttachment a
        && a.fileName.equals(fileName)
        && a.contentType.equals(contentType)
        && java.util.Arrays.equals(a.content, content);
  }

  @Override
  public int hashCode() {
    return fileName.hashCode() * 31 + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "NewAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
  }
}
