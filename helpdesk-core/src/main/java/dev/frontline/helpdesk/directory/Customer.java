package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A customer: someone who asks for help. Customers created by self-registration or intake are
 * always plain customers; nothing a customer sends can give them an agent's rights. Immutable.
 *
 * @param id the customer id
 * @param name display name (untrusted text)
 * @param email e-mail address, unique among customers when present
 * @param organization the customer's organization, if any
 * @param seesOrganizationTickets whether the customer may read all tickets of the organization
 *     (only effective if the organization shares tickets)
 * @param locale the language (and region) the customer is answered in, if known: stamped on their
 *     new tickets as the field {@link dev.frontline.helpdesk.ticket.Ticket#LOCALE_FIELD}, where
 *     language routing, macros and knowledge suggestions read it
 */
public record Customer(
    CustomerId id,
    String name,
    @Nullable String email,
    @Nullable OrganizationId organization,
    boolean seesOrganizationTickets,
    @Nullable Locale locale) {
  /** Validates. */
  public Customer {
    Checks.notNull(id, "customer id");
    Checks.line(name, "customer name", 200);
    if (email != null) {
      Checks.line(email, "customer e-mail", 254);
    }
    if (locale != null) {
      Checks.require(!locale.getLanguage().isEmpty(), "a customer's locale needs a language");
    }
  }

  /**
   * A customer whose language is not known.
   *
   * @param id the customer id
   * @param name display name (untrusted text)
   * @param email e-mail address, unique among customers when present
   * @param organization the customer's organization, if any
   * @param seesOrganizationTickets whether the customer may read all tickets of the organization
   */
  public Customer(CustomerId id, String name, @Nullable String email, @Nullable OrganizationId organization,
      boolean seesOrganizationTickets) {
    this(id, name, email, organization, seesOrganizationTickets, null);
  }

  /**
   * @param newLocale the customer's language, or null if not known
   * @return this customer with that locale
   */
  public Customer withLocale(@Nullable Locale newLocale) {
    return new Customer(id, name, email, organization, seesOrganizationTickets, newLocale);
  }

  /**
   * @param id id
   * @param name name
   * @param email e-mail
   * @return a customer without an organization
   */
  public static Customer of(CustomerId id, String name, @Nullable String email) {
    return new Customer(id, name, email, null, false);
  }
}
