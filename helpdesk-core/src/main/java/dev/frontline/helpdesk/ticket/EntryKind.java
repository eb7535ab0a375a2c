package dev.frontline.helpdesk.ticket;

/** The kind of a conversation entry; only {@link #PUBLIC_REPLY} is ever shown to customers. */
public enum EntryKind {
  /** A message the customer sees: from the customer, or an agent's public reply. */
  PUBLIC_REPLY,
  /** A note among agents; never shown to customers, in any view, e-mail, search or export. */
  INTERNAL_NOTE,
  /** An entry written by Frontline itself (e.g. "escalated to tier 2"); internal. */
  SYSTEM;

  /** @return whether customers may see entries of this kind */
  public boolean isPublic() {
    return this == PUBLIC_REPLY;
  }
}
