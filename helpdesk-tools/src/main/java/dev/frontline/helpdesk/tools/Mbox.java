package dev.frontline.helpdesk.tools;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an mbox file into messages: a message starts at a line beginning with {@code "From "}
 * at the start of the file or after an empty line; the separator line itself is dropped, and one
 * level of {@code >From } quoting (mboxrd, {@code >>From } becomes {@code >From }) is undone. Line
 * ends are kept as they are. Linear in the size of the input.
 */
final class Mbox {
  private Mbox() {}

  /**
   * @param mbox the file's bytes
   * @return the messages in file order (text before the first separator, if any and not blank, is
   *     a message too)
   */
  static List<byte[]> split(byte[] mbox) {
    List<byte[]> out = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    boolean previousEmpty = true;
    boolean started = false;
    int i = 0;
    while (i < mbox.length) {
      int end = i;
      while (end < mbox.length && mbox[end] != '\n') {
        end++;
      }
      int next = end < mbox.length ? end + 1 : end; // past the '\n'
      int contentEnd = end > i && mbox[end - 1] == '\r' ? end - 1 : end;
      boolean empty = contentEnd == i;
      if (previousEmpty && startsWith(mbox, i, contentEnd, "From ")) {
        flush(current, out, started);
        started = true;
      } else {
        int skip = 0;
        if (mbox[i] == '>') {
          int j = i;
          while (j < contentEnd && mbox[j] == '>') {
            j++;
          }
          if (startsWith(mbox, j, contentEnd, "From ")) {
            skip = 1;
          }
        }
        current.write(mbox, i + skip, next - i - skip);
      }
      previousEmpty = empty;
      i = next;
    }
    flush(current, out, started);
    return out;
  }

  private static void flush(ByteArrayOutputStream current, List<byte[]> out, boolean started) {
    byte[] b = current.toByteArray();
    current.reset();
    if (started || !new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
      out.add(b);
    }
  }

  private static boolean startsWith(byte[] b, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (b[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
