package dev.frontline.helpdesk.jackson.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jackson.internal.Json;
import java.util.function.Function;

/**
 * The envelope every stored document shares: the version field {@value #VERSION_FIELD} first,
 * written as {@link #CURRENT}; reading accepts versions 1 to {@link #CURRENT} and a document without
 * the field as version 1.
 */
final class Documents {
  /** The name of the version field. */
  static final String VERSION_FIELD = "v";

  /** The version written, and the newest read. */
  static final int CURRENT = 1;

  private Documents() {}

  /** @return a new document of the current version */
  static ObjectNode document() {
    ObjectNode n = Json.obj();
    n.put(VERSION_FIELD, CURRENT);
    return n;
  }

  /**
   * @param n a stored document
   * @param what the kind of document
   * @return its version
   * @throws FormatVersionException if it is not a version this release reads
   */
  static int version(JsonNode n, String what) {
    JsonNode v = n.get(VERSION_FIELD);
    if (v == null) {
      return 1; // written before documents carried their version
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new StorageException("stored " + what + " has a format version that is not a number: " + v);
    }
    long version = v.longValue();
    if (version < 1 || version > CURRENT) {
      throw new FormatVersionException(what, version, CURRENT);
    }
    return (int) version;
  }

  /**
   * Parses a stored document, checks its version and reads it; every failure is a {@link
   * StorageException} naming the kind of document.
   */
  static <T> T read(String json, String what, Function<JsonNode, T> reader) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      if (n == null || !n.isObject()) {
        throw new StorageException("a stored " + what + " is a JSON object");
      }
      version(n, what);
      return reader.apply(n);
    } catch (StorageException e) {
      throw e;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StorageException("cannot read a stored " + what + ": " + e.getMessage(), e);
    }
  }
}
