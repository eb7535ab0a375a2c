package dev.frontline.helpdesk.jackson.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers on Jackson's tree model shared by the hand-written mappings: one {@link
 * ObjectMapper}, writing a value as its text form, and reading required and optional properties
 * (a missing required property is a {@link StorageException}). Thread-safe.
 */
public final class Json {
  /** The mapper every mapping uses; only its tree model is used. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** @return a new, empty JSON object */
  public static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  /**
   * @param node a JSON tree
   * @return its compact text
   */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot serialize a JSON value", e);
    }
  }

  /**
   * Puts a value as text: null as JSON null, an instant as ISO-8601, an enum as its name, anything
   * else as its {@code toString()}.
   *
   * @param n the object
   * @param name the property
   * @param value the value
   */
  public static void put(ObjectNode n, String name, @Nullable Object value) {
    if (value == null) {
      n.putNull(name);
    } else if (value instanceof Instant i) {
      n.put(name, i.toString());
    } else if (value instanceof Enum<?> e) {
      n.put(name, e.name());
    } else if (value instanceof String s) {
      n.put(name, s);
    } else {
      n.put(name, value.toString());
    }
  }

  /**
   * @param values values
   * @return a JSON array of their {@code toString()}s, in iteration order
   */
  public static ArrayNode strings(Iterable<?> values) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Object v : values) {
      a.add(v.toString());
    }
    return a;
  }

  /**
   * @param n an object
   * @param name a property
   * @return the property's value
   * @throws StorageException if it is missing or null
   */
  public static JsonNode req(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new StorageException("missing JSON property " + name);
    }
    return v;
  }

  /**
   * @param n an object
   * @param name a property
   * @return the required property as text
   */
  public static String str(JsonNode n, String name) {
    return req(n, name).asText();
  }

  /**
   * @param n an object
   * @param name a property
   * @return the property as text, or null if it is missing or null
   */
  public static @Nullable String optStr(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * @param n an object
   * @param name a property
   * @param f makes the value from the text
   * @param <T> the value's type
   * @return the value, or null if the property is missing or null
   */
  public static <T> @Nullable T opt(JsonNode n, String name, Function<String, T> f) {
    String s = optStr(n, name);
    return s == null ? null : f.apply(s);
  }

  /**
   * @param n an object
   * @param name a property holding an ISO-8601 instant
   * @return the instant
   */
  public static Instant instant(JsonNode n, String name) {
    return Instant.parse(str(n, name));
  }

  /**
   * @param n an object
   * @param name a property holding an ISO-8601 instant or null
   * @return the instant or null
   */
  public static @Nullable Instant optInstant(JsonNode n, String name) {
    String s = optStr(n, name);
    return s == null ? null : Instant.parse(s);
  }

  /**
   * @param type the enum type
   * @param n an object
   * @param name a property holding a constant's name
   * @param <E> the enum type
   * @return the constant
   */
  public static <E extends Enum<E>> E en(Class<E> type, JsonNode n, String name) {
    return Enum.valueOf(type, str(n, name));
  }

  /**
   * @param n an object
   * @param name a property holding an array
   * @param f reads one element
   * @param <T> the elements' type
   * @return the elements, in order
   */
  public static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    for (JsonNode e : req(n, name)) {
      out.add(f.apply(e));
    }
    return out;
  }
}
