package dev.frontline.helpdesk.jackson.format;

import dev.frontline.helpdesk.StorageException;
import java.io.Serial;

/**
 * A stored document has a format version this release does not read: it was written by a newer
 * release (or is not a valid version at all). Nothing was read; upgrade the reading side, or keep
 * the newer release from writing to a store that older releases still read.
 */
public class FormatVersionException extends StorageException {
  @Serial private static final long serialVersionUID = 1L;

  private final String document;
  private final long version;
  private final int highestKnown;

  /**
   * @param document the kind of document, e.g. {@code ticket}
   * @param version the version the document carries
   * @param highestKnown the newest version this release reads
   */
  public FormatVersionException(String document, long version, int highestKnown) {
    super("stored " + document + " has format version " + version + "; this release reads versions 1 to " + highestKnown);
    this.document = document;
    this.version = version;
    this.highestKnown = highestKnown;
  }

  /** @return the kind of document, e.g. {@code ticket} */
  public String document() {
    return document;
  }

  /** @return the version the document carries */
  public long version() {
    return version;
  }

  /** @return the newest version this release reads */
  public int highestKnown() {
    return highestKnown;
  }
}
