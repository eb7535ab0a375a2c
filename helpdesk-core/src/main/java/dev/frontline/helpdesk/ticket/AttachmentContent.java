package dev.frontline.helpdesk.ticket;

/**
 * An attachment's metadata and bytes. Serve it as a download ({@code Content-Disposition:
 * attachment}) with a safe content type; never render it inline based on its declared type.
 *
 * @param attachment metadata
 * @param content the bytes
 */
public record AttachmentContent(Attachment attachment, byte[] content) {
  /** Copies the bytes. */
  public AttachmentContent {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttachmentContent a && a.attachment.equals(attachment) && java.util.Arrays.equals(a.content, content);
  }

  @Override
  public int hashCode() {
    return attachment.hashCode();
  }

  @Override
  public String toString() {
    return "AttachmentContent[" + attachment + ", " + content.length + " bytes]";
  }
}
