package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.Checks;

/**
 * Who wrote an entry or made a change, as recorded in the audit trail: the principal's stable
 * text form ({@link Principal#describe()}, e.g. {@code agent:alice}) and its kind.
 *
 * @param kind agent, customer or system
 * @param id the principal's text form
 */
public record Author(Kind kind, String id) {
  /** The kinds of authors. */
  public enum Kind {
    /** An agent. */
    AGENT,
    /** A customer. */
    CUSTOMER,
    /** Automation or Frontline itself. */
    SYSTEM
  }

  /** Validates the fields. */
  public Author {
    Checks.notNull(kind, "author kind");
    Checks.line(id, "author id", 100);
  }

  /**
   * @param principal the acting principal
   * @return the author recorded for it
   */
  public static Author of(Principal principal) {
    Kind kind;
    if (principal instanceof Principal.Agent) {
      kind = Kind.AGENT;
    } else if (principal instanceof Principal.Customer) {
      kind = Kind.CUSTOMER;
    } else {
      kind = Kind.SYSTEM;
    }
    return new Author(kind, principal.describe());
  }
}
