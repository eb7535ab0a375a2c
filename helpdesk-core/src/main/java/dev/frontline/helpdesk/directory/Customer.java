package dev.frontline.helpdesk.directory;

import dev.frontline.helpdesk.internal.Checks;
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
 */
public record Customer(
    CustomerId id,
    String name,
    @Nullable String email,
    @Nullable OrganizationId organization,
    boolean seesOrganizationTickets) {
  /** Validates. */
  public Customer {
    Checks.notNull(id, "customer id");
    Checks.line(name, "customer name", 200);
    if (email != null) {
      Checks.line(email, "customer e-mail", 254);
    }
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
