package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.util.List;

/**
 * The content of a reply or note to add: text, the channel it came through, and attachments.
 *
 * @param body the text, at most {@link Entry#MAX_BODY} characters
 * @param channel where it came in
 * @param attachments files to attach
 */
public record Message(String body, Channel channel, List<NewAttachment> attachments) {
  /** Validates and copies. */
  public Message {
    Checks.text(body, "message body", Entry.MAX_BODY);
    Checks.notNull(channel, "channel");
    attachments = List.copyOf(Checks.elements(attachments, "attachments", 100));
  }

  /**
   * @param body the text
   * @return a web message without attachments
   */
  public static Message of(String body) {
    return new Message(body, Channel.WEB, List.of());
  }

  /**
   * @param body the text
   * @param channel the channel
   * @return a message without attachments
   */
  public static Message of(String body, Channel channel) {
    return new Message(body, channel, List.of());
  }
}
