package dev.frontline.helpdesk.email.internal;

import dev.frontline.helpdesk.email.EmailLimits;
import dev.frontline.helpdesk.ticket.NewAttachment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw message in one streaming pass with mime4j's token stream, enforcing the limits as it
 * goes (so a crafted message is rejected before it costs much): header block size and field count
 * per entity, multipart nesting depth, number of parts, decoded part size. Embedded messages
 * ({@code message/rfc822}) are not parsed recursively; they become {@code .eml} attachments.
 */
public final class MimeReader {
  private MimeReader() {}

  /**
   * @param raw the message
   * @param limits the limits
   * @return what the intake needs
   * @throws MailLimitException if a limit is exceeded
   * @throws IOException if mime4j gives up on the structure
   * @throws MimeException if mime4j gives up on the structure
   */
  public static ParsedMail read(byte[] raw, EmailLimits limits) throws MailLimitException, IOException, MimeException {
    if (raw.length > limits.maxMessageBytes()) {
      throw new MailLimitException("message is larger than " + limits.maxMessageBytes() + " bytes");
    }
    MimeConfig config =
        MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .build();
    MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
    stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
    stream.parse(new ByteArrayInputStream(raw));

    List<ParsedMail.Header> headers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    StringBuilder plain = null;
    StringBuilder html = null;
    List<String> htmlSources = new ArrayList<>();
    List<Part> htmlOutsideAlternative = new ArrayList<>();
    List<NewAttachment> attachments = new ArrayList<>();
    Deque<String> multiparts = new ArrayDeque<>();
    boolean rootHeader = true;
    long headerBytes = 0;
    int headerFields = 0;
    int parts = 0;
    for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
      switch (state) {
        case T_START_HEADER -> {
          headerBytes = 0;
          headerFields = 0;
        }
        case T_FIELD -> {
          Field f = stream.getField();
          ByteSequence rawField = f.getRaw();
          headerBytes += rawField != null ? rawField.length() : f.getBody().length() + f.getName().length();
          headerFields++;
          if (headerBytes > limits.maxHeaderBytes()) {
            throw new MailLimitException("header block is larger than " + limits.maxHeaderBytes() + " bytes");
          }
          if (headerFields > limits.maxHeaderFields()) {
            throw new MailLimitException("more than " + limits.maxHeaderFields() + " header fields");
          }
          if (rootHeader) {
            headers.add(new ParsedMail.Header(f.getName(), fieldValue(f)));
          }
        }
        case T_END_HEADER -> rootHeader = false;
        case T_START_MULTIPART -> {
          multiparts.push(stream.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT));
          if (multiparts.size() > limits.maxDepth()) {
            throw new MailLimitException("multipart nesting deeper than " + limits.maxDepth());
          }
        }
        case T_END_MULTIPART -> {
          if (!multiparts.isEmpty()) {
            multiparts.pop();
          }
        }
        case T_START_BODYPART -> {
          if (++parts > limits.maxParts()) {
            throw new MailLimitException("more than " + limits.maxParts() + " body parts");
          }
        }
        case T_BODY -> {
          BodyDescriptor d = stream.getBodyDescriptor();
          byte[] content = readCapped(stream.getDecodedInputStream(), limits.maxMessageBytes());
          String mime = d.getMimeType() == null ? "text/plain" : d.getMimeType().toLowerCase(Locale.ROOT);
          String disposition = null;
          String fileName = null;
          if (d instanceof MaximalBodyDescriptor m) {
            disposition = m.getContentDispositionType();
            fileName = m.getContentDispositionFilename();
            if (fileName == null) {
              Map<String, String> params = m.getContentTypeParameters();
              fileName = params == null ? null : params.get("name");
            }
          }
          boolean attachment = "attachment".equalsIgnoreCase(disposition) || fileName != null;
          boolean inAlternative = "multipart/alternative".equals(multiparts.peek());
          if (!attachment && mime.equals("text/plain")) {
            plain = append(plain, Texts.decode(content, d.getCharset()));
          } else if (!attachment && mime.equals("text/html")) {
            String source = Texts.decode(content, d.getCharset());
            html = append(html, HtmlText.toText(source));
            htmlSources.add(source);
            if (!inAlternative) {
              htmlOutsideAlternative.add(new Part(content, mime));
            }
          } else {
            attachments.add(attachment(fileName, mime, content, attachments.size() + 1));
          }
        }
        default -> {
          // preamble, epilogue, part boundaries: nothing to keep (the raw message is kept whole)
        }
      }
    }
    if (plain != null) {
      // the HTML is not needed for the body; keep stray HTML parts as files, drop alternatives
      for (Part p : htmlOutsideAlternative) {
        attachments.add(attachment(null, p.mime, p.content, attachments.size() + 1));
      }
    }
    if (headers.isEmpty()) {
      notes.add("no header fields");
    }
    return new ParsedMail(
        List.copyOf(headers), plain == null ? null : plain.toString(), html == null ? null : html.toString(),
        List.copyOf(htmlSources), List.copyOf(attachments), List.copyOf(notes));
  }

  /**
   * Reads only the top-level header block (for sorting by date and similar).
   *
   * @param raw the message
   * @return the header fields, empty if unreadable
   */
  public static List<ParsedMail.Header> headersOnly(byte[] raw) {
    List<ParsedMail.Header> headers = new ArrayList<>();
    try {
      MimeConfig config = MimeConfig.custom().setStrictParsing(false).setMaxLineLen(-1).setMaxHeaderCount(10_000)
          .setMaxHeaderLen(1024 * 1024).build();
      MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
      stream.parse(new ByteArrayInputStream(raw));
      for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM && s != EntityState.T_END_HEADER; s = stream.next()) {
        if (s == EntityState.T_FIELD) {
          headers.add(new ParsedMail.Header(stream.getField().getName(), fieldValue(stream.getField())));
        }
      }
    } catch (IOException | MimeException | RuntimeException e) {
      // unreadable headers: return what was read
    }
    return headers;
  }

  private record Part(byte[] content, String mime) {}

  private static StringBuilder append(@Nullable StringBuilder b, String text) {
    if (b == null) {
      return new StringBuilder(text);
    }
    return b.append("\n\n").append(text);
  }

  private static NewAttachment attachment(@Nullable String fileName, String mime, byte[] content, int n) {
    String name = Texts.oneLine(decodeWords(fileName == null ? "" : fileName), 200);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "part-" + n + extension(mime);
    }
    String type = mime.matches("[a-z0-9!#$&^_.+-]{1,100}/[a-z0-9!#$&^_.+-]{1,100}") ? mime : "application/octet-stream";
    return new NewAttachment(name, type, content);
  }

  private static String extension(String mime) {
    return switch (mime) {
      case "text/plain" -> ".txt";
      case "text/html" -> ".html";
      case "message/rfc822" -> ".eml";
      case "application/pgp-signature" -> ".asc";
      default -> ".bin";
    };
  }

  private static byte[] readCapped(InputStream in, long cap) throws IOException, MailLimitException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    for (int r; (r = in.read(buf)) > 0; ) {
      total += r;
      if (total > cap) {
        throw new MailLimitException("a decoded part is larger than " + cap + " bytes");
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  /**
   * The unfolded value of a header field, decoded from its raw bytes as UTF-8 when valid (8-bit
   * headers), else as windows-1252. Encoded words are left for the caller.
   */
  private static String fieldValue(Field f) {
    ByteSequence raw = f.getRaw();
    String text;
    if (raw != null) {
      byte[] bytes = raw.toByteArray();
      text = Texts.decode(bytes, null);
      int colon = text.indexOf(':');
      text = colon >= 0 ? text.substring(colon + 1) : text;
    } else {
      text = f.getBody();
    }
    return unfold(text);
  }

  /**
   * Decodes RFC 2047 encoded words; returns the input if they are malformed.
   *
   * @param value a header value
   * @return the decoded text
   */
  public static String decodeWords(String value) {
    try {
      return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    } catch (RuntimeException e) {
      return value;
    }
  }

  /**
   * @param value a folded header value
   * @return the value on one line, trimmed
   */
  public static String unfold(String value) {
    return value.replaceAll("\r?\n[ \t]", " ").replace("\r", "").replace("\n", "").strip();
  }
}
