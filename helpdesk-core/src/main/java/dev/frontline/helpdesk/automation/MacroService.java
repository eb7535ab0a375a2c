package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Defines and applies {@link Macro}s. Defining, replacing and deleting need {@link
 * Permission#MACRO_MANAGE}; listing needs to be an agent. Applying a macro needs, on that ticket,
 * every permission its changes need (and {@code TICKET_REPLY_PUBLIC} for the reply): all are
 * checked before anything changes, and each change then goes through the ticket service as the
 * applying agent, which checks again. Macros are kept in memory by this service (hosts persist their
 * definitions and define them at start-up). Thread-safe.
 */
public final class MacroService {
  private final Helpdesk helpdesk;
  private final AccessControl access;
  private final ActionRunner runner;
  private final ConcurrentHashMap<String, Macro> macros = new ConcurrentHashMap<>();

  private MacroService(Helpdesk helpdesk, NotificationSink sink) {
    this.helpdesk = helpdesk;
    this.access = helpdesk.access();
    this.runner = new ActionRunner(helpdesk, sink);
  }

  /**
   * @param helpdesk the helpdesk
   * @param sink where notification actions go
   * @return the service
   */
  public static MacroService create(Helpdesk helpdesk, NotificationSink sink) {
    return new MacroService(Objects.requireNonNull(helpdesk, "helpdesk"), Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Defines or replaces a macro.
   *
   * @param principal needs {@code MACRO_MANAGE}
   * @param macro the macro
   * @throws AccessDeniedException without the permission
   */
  public void define(Principal principal, Macro macro) {
    Checks.notNull(principal, "principal");
    Checks.notNull(macro, "macro");
    access.require(principal, Permission.MACRO_MANAGE);
    macros.put(macro.name(), macro);
  }

  /**
   * @param principal needs {@code MACRO_MANAGE}
   * @param name the macro name
   * @return whether it existed
   */
  public boolean delete(Principal principal, String name) {
    Checks.notNull(principal, "principal");
    access.require(principal, Permission.MACRO_MANAGE);
    return macros.remove(name) != null;
  }

  /**
   * @param principal an agent or the system
   * @return all macros, by name
   * @throws AccessDeniedException for customers and anonymous callers
   */
  public List<Macro> list(Principal principal) {
    requireStaff(principal);
    return macros.values().stream().sorted(java.util.Comparator.comparing(Macro::name)).toList();
  }

  /**
   * @param principal an agent or the system
   * @param name a name
   * @return the macro, if defined
   */
  public Optional<Macro> find(Principal principal, String name) {
    requireStaff(principal);
    return Optional.ofNullable(macros.get(name));
  }

  /**
   * Applies a macro to a ticket: its changes in order, then its reply rendered for the locale.
   *
   * @param principal the agent applying it
   * @param name the macro name
   * @param ticket the ticket
   * @param locale the requester's locale for the reply, or null for the macro's default
   * @return the ticket afterwards
   * @throws NotFoundException if the macro or ticket is unknown or not visible
   * @throws AccessDeniedException if any needed permission is missing (nothing is changed)
   */
  public Ticket apply(Principal principal, String name, TicketId ticket, @Nullable Locale locale) {
    requireStaff(principal);
    Macro m = macros.get(Checks.notNull(name, "macro name"));
    if (m == null) {
      throw new NotFoundException("macro not found");
    }
    Ticket t = helpdesk.tickets().get(principal, ticket);
    Template reply = m.replyFor(locale);
    Set<Permission> needed = EnumSet.noneOf(Permission.class);
    m.changes().forEach(a -> needed.addAll(a.permissions()));
    if (reply != null) {
      needed.add(Permission.TICKET_REPLY_PUBLIC);
    }
    for (Permission p : needed) {
      access.check(principal, t, p);
    }
    AgentId agent = principal instanceof Principal.Agent a ? a.id() : null;
    Ticket after = runner.run(principal, ticket, m.changes(), "macro:" + m.name(), agent);
    if (reply != null) {
      String body = reply.render(runner.values(after, agent));
      after = helpdesk.tickets().reply(principal, ticket, Ticket.ANY_VERSION, Message.of(body, Channel.WEB));
    }
    return after;
  }

  private void requireStaff(Principal p) {
    Checks.notNull(p, "principal");
    if (!(p instanceof Principal.Agent || p instanceof Principal.System)) {
      access.deny(p, "MACRO_READ", null, "not an agent");
      throw new AccessDeniedException("macros are for agents");
    }
  }
}
