package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's conversation: a public reply, an internal note or a system entry.
 * Entries are never edited or deleted; they keep their kind through merges and splits. Immutable.
 *
 * @param id the entry id
 * @param kind public reply, internal note or system entry
 * @param author who wrote it
 * @param channel where it came in
 * @param body the text (plain text or Markdown; HTML is sanitized before it is stored)
 * @param at when it was written
 * @param attachments attached files (metadata only)
 */
public record Entry(
    EntryId id,
    EntryKind kind,
    Author author,
    Channel channel,
    String body,
    Instant at,
    List<Attachment> attachments) {

  /** Maximum body length in characters. */
  public static final int MAX_BODY = 100_000;

  /** Validates and copies. */
  public Entry {
    Checks.notNull(id, "entry id");
    Checks.notNull(kind, "entry kind");
    Checks.notNull(author, "entry author");
    Checks.notNull(channel, "entry channel");
    Checks.text(body, "entry body", MAX_BODY);
    Checks.notNull(at, "entry time");
    attachments = List.copyOf(Checks.elements(attachments, "attachments", 100));
  }
}
