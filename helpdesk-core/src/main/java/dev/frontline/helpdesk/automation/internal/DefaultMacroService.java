package dev.frontline.helpdesk.automation.internal;

import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Template;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.internal.DefinitionCache;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
public final class DefaultMacroService implements MacroService {
  private final Kernel helpdesk;
  private final AccessControl access;
  private final ActionRunner runner;
  private final DefinitionCache<Macro> macros;

  public DefaultMacroService(Kernel helpdesk, NotificationSink sink, AutomationDefinitionStore store) {
    this.helpdesk = helpdesk;
    this.access = helpdesk.access();
    this.runner = new ActionRunner(helpdesk, sink);
    this.macros = new DefinitionCache<>(store, AutomationDefinition.Kind.MACRO, Macro.class);
  }

  /**
   * Defines or replaces a macro, whatever is stored (last writer wins).
   *
   * @param principal needs {@code MACRO_MANAGE}
   * @param macro the macro
   * @throws AccessDeniedException without the permission
   */
  public void define(Principal principal, Macro macro) {
    define(principal, macro, AutomationDefinitionStore.ANY_REVISION);
  }

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
  public StoredDefinition<Macro> define(Principal principal, Macro macro, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(macro, "macro");
    access.require(access.rightsOf(principal), Permission.MACRO_MANAGE);
    return macros.store().save(macro, expectedRevision);
  }

  /**
   * @param principal needs {@code MACRO_MANAGE}
   * @param name the macro name
   * @return whether it existed
   * @throws AccessDeniedException without the permission
   */
  public boolean delete(Principal principal, String name) {
    return delete(principal, name, AutomationDefinitionStore.ANY_REVISION);
  }

  /**
   * @param principal needs {@code MACRO_MANAGE}
   * @param name the macro name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   * @throws AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  public boolean delete(Principal principal, String name, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(name, "name");
    access.require(access.rightsOf(principal), Permission.MACRO_MANAGE);
    return macros.store().delete(AutomationDefinition.Kind.MACRO, name, expectedRevision);
  }

  /**
   * @param principal an agent or the system
   * @return all macros, by name
   * @throws AccessDeniedException for customers and anonymous callers
   */
  public List<Macro> list(Principal principal) {
    requireStaff(principal);
    return macros.current().all().stream().map(StoredDefinition::definition).sorted(Comparator.comparing(Macro::name)).toList();
  }

  /**
   * @param principal an agent or the system
   * @param name a name
   * @return the macro, if defined
   * @throws AccessDeniedException for customers and anonymous callers
   */
  public Optional<Macro> find(Principal principal, String name) {
    return findStored(principal, name).map(StoredDefinition::definition);
  }

  /**
   * @param principal an agent or the system
   * @param name a name
   * @return the macro with its revision (for editing), if defined
   * @throws AccessDeniedException for customers and anonymous callers
   */
  public Optional<StoredDefinition<Macro>> findStored(Principal principal, String name) {
    requireStaff(principal);
    Checks.notNull(name, "name");
    return Optional.ofNullable(macros.current().byName().get(name));
  }

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
  public Ticket apply(Principal principal, String name, TicketId ticket, @Nullable Locale locale) {
    Rights r = requireStaff(principal);
    StoredDefinition<Macro> stored = macros.current().byName().get(Checks.notNull(name, "macro name"));
    if (stored == null) {
      throw new NotFoundException("macro not found");
    }
    Macro m = stored.definition();
    Ticket t = helpdesk.tickets().get(principal, ticket);
    Template reply = m.replyFor(locale != null ? locale : localeOf(t));
    Set<Permission> needed = EnumSet.noneOf(Permission.class);
    m.changes().forEach(a -> needed.addAll(a.permissions()));
    if (reply != null) {
      needed.add(Permission.TICKET_REPLY_PUBLIC);
    }
    for (Permission p : needed) {
      access.check(r, t, p);
    }
    dev.frontline.helpdesk.directory.Agent me = r.agent();
    AgentId agent = me == null ? null : me.id();
    Ticket after = runner.run(principal, ticket, m.changes(), "macro:" + m.name(), agent);
    if (reply != null) {
      String body = reply.render(runner.values(after, agent));
      after = helpdesk.tickets().reply(principal, ticket, Ticket.ANY_VERSION, Message.of(body, Channel.WEB));
    }
    return after;
  }

  /** The ticket's locale field, if it holds a well-formed language tag. */
  private static @Nullable Locale localeOf(Ticket t) {
    if (t.fields().get(Ticket.LOCALE_FIELD) instanceof dev.frontline.helpdesk.ticket.FieldValue.Text text) {
      Locale l = Locale.forLanguageTag(text.value().strip());
      return l.getLanguage().isEmpty() ? null : l;
    }
    return null;
  }

  /** Requires {@link Permission#MACRO_USE}; returns the caller's rights for the rest of the call. */
  private Rights requireStaff(Principal p) {
    Checks.notNull(p, "principal");
    Rights r = access.rightsOf(p);
    if (!access.holds(r, Permission.MACRO_USE)) {
      access.deny(p, Permission.MACRO_USE, null, "not an active agent");
      throw new AccessDeniedException("macros are for agents");
    }
    return r;
  }
}
