package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Defines and applies {@link Macro}s. Defining, replacing and deleting need {@link
 * Permission#MACRO_MANAGE}; listing needs to be an agent. Applying a macro needs, on that ticket,
 * every permission its changes need (and {@code TICKET_REPLY_PUBLIC} for the reply): all are
 * checked before anything changes, and each change then goes through the ticket service as the
 * applying agent, which checks again.
 *
 * <p>Macros are kept in an {@link AutomationDefinitionStore}: by default one in this process's
 * memory; with a shared store (e.g. the JDBC one) a macro defined on one node is applied on every
 * node. The service caches the macros and re-reads them when the store's {@linkplain
 * AutomationDefinitionStore#changeCount() change counter} moved, which it checks on every call.
 * Thread-safe.
 */
public interface MacroService {
  /**
   * Defines or replaces a macro, whatever is stored (last writer wins).
   *
   * @param principal needs {@code MACRO_MANAGE}
   * @param macro the macro
   * @throws AccessDeniedException without the permission
   */
  void define(Principal principal, Macro macro);

  /**
   * Defines or replaces a macro if it is still at the revision the caller read.
   *
   * @param principal needs {@code MACRO_MANAGE}
   * @param macro the macro
   * @param expectedRevision the revision read (see {@link #findStored}), {@link
   *     AutomationDefinitionStore#NEW} for a new macro, or {@link
   *     AutomationDefinitionStore#ANY_REVISION}
   * @return the stored macro with its new revision
   * @throws AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  StoredDefinition<Macro> define(Principal principal, Macro macro, long expectedRevision);

  /**
   * @param principal needs {@code MACRO_MANAGE}
   * @param name the macro name
   * @return whether it existed
   * @throws AccessDeniedException without the permission
   */
  boolean delete(Principal principal, String name);

  /**
   * @param principal needs {@code MACRO_MANAGE}
   * @param name the macro name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   * @throws AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  boolean delete(Principal principal, String name, long expectedRevision);

  /**
   * @param principal an agent or the system
   * @return all macros, by name
   * @throws AccessDeniedException for customers and anonymous callers
   */
  List<Macro> list(Principal principal);

  /**
   * @param principal an agent or the system
   * @param name a name
   * @return the macro, if defined
   * @throws AccessDeniedException for customers and anonymous callers
   */
  Optional<Macro> find(Principal principal, String name);

  /**
   * @param principal an agent or the system
   * @param name a name
   * @return the macro with its revision (for editing), if defined
   * @throws AccessDeniedException for customers and anonymous callers
   */
  Optional<StoredDefinition<Macro>> findStored(Principal principal, String name);

  /**
   * Applies a macro to a ticket: its changes in order, then its reply rendered for the locale.
   *
   * @param principal the agent applying it
   * @param name the macro name
   * @param ticket the ticket
   * @param locale the locale for the reply, or null for the ticket's own ({@link
   *     Ticket#LOCALE_FIELD}, stamped from the requester's locale), else the macro's default
   * @return the ticket afterwards
   * @throws NotFoundException if the macro or ticket is unknown or not visible
   * @throws AccessDeniedException if any needed permission is missing (nothing is changed)
   */
  Ticket apply(Principal principal, String name, TicketId ticket, @Nullable Locale locale);
}
