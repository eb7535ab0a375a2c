package dev.frontline.helpdesk.email.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes two received messages the same: a well-formed Message-ID and the same content. A
 * degenerate Message-ID ({@code <>}, {@code <@>}, {@code @}, {@code x}, ...) identifies nothing, so
 * such a message gets an id generated from its content instead. Stateless.
 */
public final class MessageIdentity {
  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]";
  /** RFC 5322 msg-id without the angle brackets: dot-atom text, "@", dot-atom text or a literal. */
  private static final Pattern WELL_FORMED = Pattern.compile(
      "(?=[^@]*[A-Za-z0-9][^@]*@)" + ATEXT + "{1,450}@(?:(?=[^@]*[A-Za-z0-9])" + ATEXT + "{1,449}|\\[[!-Z^-~]{1,447}\\])");
  /** The headers that make up a message's content; trace headers added on the way are left out. */
  private static final List<String> CONTENT_HEADERS =
      List.of("Message-ID", "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "In-Reply-To", "References", "Content-Type");
  /** Domain of generated ids; {@code .invalid} is reserved (RFC 2606), so no real id collides. */
  public static final String GENERATED_DOMAIN = "intake.invalid";

  private MessageIdentity() {}

  /**
   * @param id a Message-ID without angle brackets
   * @return whether it is a well-formed id: a left and a right part of at least one letter or digit
   *     each, joined by one {@code @}, without spaces, brackets or control characters, at most 900
   *     characters
   */
  public static boolean wellFormed(String id) {
    return id.length() <= 900 && WELL_FORMED.matcher(id).matches();
  }

  /**
   * A digest of a message's content: its body bytes and the values of its content headers
   * (Message-ID, From, To, Subject, Date, ...), not the trace headers that differ between two
   * deliveries of one message (Received, Return-Path, Delivered-To, ...).
   *
   * @param mail the parsed message (for the headers)
   * @param raw the raw bytes (for the body)
   * @return lower-case hex SHA-256
   */
  public static String contentDigest(ParsedMail mail, byte[] raw) {
    MessageDigest md = sha256();
    for (String name : CONTENT_HEADERS) {
      for (String v : mail.all(name)) {
        md.update(name.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(v.strip().replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
    }
    md.update((byte) 0);
    int body = bodyStart(raw);
    md.update(raw, body, raw.length - body);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * @param raw the raw bytes
   * @return the id generated for a message without a usable Message-ID: a digest of all its bytes
   */
  public static String generatedId(byte[] raw) {
    return "sha256-" + HexFormat.of().formatHex(sha256().digest(raw)) + "@" + GENERATED_DOMAIN;
  }

  /**
   * @param messageId a well-formed id
   * @param digest its message's {@link #contentDigest}
   * @return the key under which "this id with this content was received" is recorded
   */
  public static String contentKey(String messageId, String digest) {
    byte[] h = sha256().digest((messageId + "\n" + digest).getBytes(StandardCharsets.UTF_8));
    return "content-" + HexFormat.of().formatHex(h) + "@" + GENERATED_DOMAIN;
  }

  private static int bodyStart(byte[] raw) {
    for (int i = 0; i + 1 < raw.length; i++) {
      if (raw[i] == '\n' && raw[i + 1] == '\n') {
        return i + 2;
      }
      if (raw[i] == '\n' && raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
        return i + 3;
      }
    }
    return raw.length;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
