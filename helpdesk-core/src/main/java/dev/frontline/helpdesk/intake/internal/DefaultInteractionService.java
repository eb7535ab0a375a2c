package dev.frontline.helpdesk.intake.internal;

import dev.frontline.helpdesk.intake.Disposition;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.intake.InteractionService;
import dev.frontline.helpdesk.intake.NewInteraction;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.InteractionStore;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records phone calls, chats and walk-ins. Every ticket change goes through the {@link
 * TicketService} as the acting principal, so its permission checks apply unchanged: opening a
 * ticket needs {@code TICKET_CREATE}, a public entry {@code TICKET_REPLY_PUBLIC}, a note {@code
 * TICKET_NOTE_INTERNAL}, solving at once {@code TICKET_SOLVE}.
 *
 * <p>Security rules on top: only agents and the system record interactions; a public entry on an
 * existing ticket needs a {@link IdentityCheck#VERIFIED verified} caller who is the ticket's
 * requester, so an impostor on the phone never has words put into someone else's conversation;
 * a caller who {@link IdentityCheck#FAILED failed} the check cannot open a ticket in the customer's
 * name either (the customer would read the impostor's words as their own request). An {@link
 * IdentityCheck#UNVERIFIED unchecked} caller may open one, as an e-mail from the customer's address
 * does.
 * Interactions are internal records: customers never read them; agents read those of tickets on
 * which they may read internal entries; interactions without ticket are read by the agent who
 * recorded them and by holders of {@code REPORTS_VIEW}.
 *
 * <p>A ticket opened from a contact by an agent goes to the front line's default team if the agent
 * belongs to it, else to the agent's first front-line team.
 *
 * <p>The ticket change is stored first, then the interaction; if the interaction store fails, the
 * ticket keeps the entry (it is the record of what was said) and the call throws. Thread-safe.
 */
public final class DefaultInteractionService implements InteractionService {
  private final TicketService tickets;
  private final AccessControl access;
  private final Kernel helpdesk;
  private final InteractionStore store;

  public DefaultInteractionService(Kernel helpdesk, InteractionStore store) {
    this.helpdesk = helpdesk;
    this.tickets = helpdesk.tickets();
    this.access = helpdesk.access();
    this.store = store;
  }

  /**
   * Records a contact and writes it into a ticket as the command says.
   *
   * @param principal the handling agent (or the system, e.g. a telephony integration)
   * @param command what happened
   * @return the stored interaction, with the ticket it landed in
   * @throws AccessDeniedException for customers and anonymous callers, a public entry without a
   *     verified caller, or a new ticket for a caller who failed the identity check
   * @throws NotFoundException if the ticket is not visible to the principal
   * @throws ValidationException for an unknown customer or a public entry for someone else's ticket
   */
  public Interaction record(Principal principal, NewInteraction command) {
    Checks.notNull(principal, "principal");
    Checks.notNull(command, "command");
    Rights r = access.rightsOf(principal);
    access.require(r, Permission.INTERACTION_RECORD);
    if (helpdesk.directory().findCustomer(command.customer()).isEmpty()) {
      throw new ValidationException("unknown customer");
    }
    Message message = new Message(command.summary(), command.channel(), List.of());
    @Nullable TicketId ticketId = null;
    switch (command.recording()) {
      case NEW_TICKET -> {
        access.checkContact(r, Recording.NEW_TICKET, command.identity(), null);
        Ticket t = tickets.create(principal, NewTicket.builder(Objects.requireNonNull(command.subject()), command.customer(), message)
            .team(teamFor(r)).build());
        if (command.disposition() == Disposition.RESOLVED) {
          t = tickets.transition(principal, t.id(), t.version(), TicketState.SOLVED);
        }
        ticketId = t.id();
      }
      case PUBLIC_ENTRY -> {
        Ticket t = tickets.get(principal, Objects.requireNonNull(command.ticket()));
        access.checkContact(r, Recording.PUBLIC_ENTRY, command.identity(), t.id().value());
        if (!t.requester().equals(command.customer())) {
          throw new ValidationException("the caller is not the ticket's requester; add an internal note instead");
        }
        ticketId = tickets.reply(principal, t.id(), Ticket.ANY_VERSION, message).id();
      }
      case INTERNAL_NOTE -> ticketId = tickets.addNote(principal, Objects.requireNonNull(command.ticket()), Ticket.ANY_VERSION, message).id();
      case NONE -> ticketId = null;
    }
    Agent me = r.agent();
    AgentId agent = me == null ? null : me.id();
    Interaction i = new Interaction(
        new InteractionId(helpdesk.ids().next()), command.channel(), command.customer(), agent, command.startedAt(),
        command.endedAt(), command.identity(), command.disposition(), command.recording(), ticketId, command.summary(),
        principal.describe());
    store.add(i);
    return i;
  }

  /**
   * @param principal the caller
   * @param id an interaction
   * @return the interaction if the caller may read it
   */
  public Optional<Interaction> find(Principal principal, InteractionId id) {
    Checks.notNull(principal, "principal");
    Checks.notNull(id, "interaction id");
    Rights r = access.rightsOf(principal);
    return store.find(id).filter(i -> mayRead(r, i));
  }

  /**
   * @param principal the caller
   * @param id an interaction
   * @return the interaction
   * @throws NotFoundException if it does not exist or the caller may not read it
   */
  public Interaction get(Principal principal, InteractionId id) {
    return find(principal, id).orElseThrow(() -> new NotFoundException("interaction not found"));
  }

  /**
   * @param principal the caller (needs {@code TICKET_READ_INTERNAL} on the ticket)
   * @param ticket the ticket
   * @return its interactions, oldest first
   * @throws NotFoundException if the ticket is not visible
   */
  public List<Interaction> forTicket(Principal principal, TicketId ticket) {
    Checks.notNull(principal, "principal");
    Checks.notNull(ticket, "ticket id");
    // one look-up, one decision: check() answers "not found" for a ticket the caller does not see
    Ticket t = helpdesk.ticketStore().find(ticket).orElseThrow(() -> new NotFoundException("ticket not found"));
    access.check(access.rightsOf(principal), t, Permission.TICKET_READ_INTERNAL);
    return store.byTicket(ticket);
  }

  /**
   * @param principal the caller
   * @param customer a customer
   * @return the customer's interactions the caller may read, oldest first (empty for customers)
   */
  public List<Interaction> forCustomer(Principal principal, CustomerId customer) {
    Checks.notNull(principal, "principal");
    Checks.notNull(customer, "customer");
    List<Interaction> out = new ArrayList<>();
    Rights r = access.rightsOf(principal);
    for (Interaction i : store.byCustomer(customer)) {
      if (mayRead(r, i)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The team of a ticket an agent opens from a contact: the front line's default team if the agent
   * is a member, else the agent's first front-line team; the system gets the default team anyway.
   */
  private @Nullable TeamId teamFor(Rights r) {
    if (r.agent() == null) {
      return null;
    }
    Map<TeamId, ?> teams = r.teams();
    @Nullable TeamId dflt = helpdesk.directory().tiers().stream().filter(t -> t.level() == 1).findFirst()
        .map(SupportTier::defaultTeam).orElse(null);
    if (dflt != null && teams.containsKey(dflt)) {
      return dflt;
    }
    return teams.keySet().stream().filter(t -> helpdesk.directory().findTeam(t).map(Team::tier).orElse(0) == 1)
        .sorted().findFirst().orElse(null);
  }

  /**
   * Staff read an interaction about a ticket when they may read the ticket's internal entries, and
   * one without a ticket when they recorded it or view reports; customers read none.
   */
  private boolean mayRead(Rights r, Interaction i) {
    if (r.isSystem()) {
      return true;
    }
    if (r.agent() == null) {
      return false;
    }
    TicketId ticket = i.ticket();
    if (ticket != null) {
      return helpdesk.ticketStore().find(ticket).map(t -> access.may(r, t, Permission.TICKET_READ_INTERNAL)).orElse(false);
    }
    return i.recordedBy().equals(r.principal().describe()) || access.holds(r, Permission.REPORTS_VIEW);
  }
}
