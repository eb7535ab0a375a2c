package dev.frontline.examples.web;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent console: a queue per support tier, the ticket with its full conversation (internal
 * notes included), and the actions reply, internal note, escalate and solve. What an agent sees and
 * may do is decided by Frontline from the agent's roles and teams: a front-line agent sees the
 * tier-1 team's tickets, a second-line specialist the tickets of tier 2.
 */
@Controller
@RequestMapping("/console")
public class ConsoleController {
  private final Helpdesk helpdesk;
  private final CurrentUser currentUser;
  private final Views views;

  /** The queue orders the console offers; a request can only pick one of these. */
  public enum QueueOrder {
    /** Most urgent first, then oldest. */
    PRIORITY(TicketSort.PRIORITY_DESC),
    /** Earliest SLA deadline first; tickets without SLA last. */
    DEADLINE(TicketSort.DEADLINE_ASC);

    private final TicketSort sort;

    QueueOrder(TicketSort sort) {
      this.sort = sort;
    }
  }

  /**
   * One tier's queue.
   *
   * @param level the tier
   * @param name its name
   * @param tickets the active tickets of that tier the agent sees
   */
  public record Queue(int level, String name, List<Views.TicketView> tickets) {}

  /**
   * @param helpdesk the helpdesk
   * @param currentUser the signed-in user
   * @param views view helpers
   */
  public ConsoleController(Helpdesk helpdesk, CurrentUser currentUser, Views views) {
    this.helpdesk = helpdesk;
    this.currentUser = currentUser;
    this.views = views;
  }

  /**
   * @param order the queue order
   * @param model the view model
   * @return the queues, one per tier
   */
  @GetMapping
  public String queues(@RequestParam(defaultValue = "PRIORITY") QueueOrder order, Model model) {
    Principal me = currentUser.principal();
    List<Queue> queues = helpdesk.directory().tiers().stream()
        .map(tier -> new Queue(tier.level(), tier.name(), helpdesk.tickets().query(me, TicketQuery.builder()
                .tiers(tier.level())
                .states(TicketState.NEW, TicketState.OPEN, TicketState.PENDING, TicketState.ON_HOLD)
                .sort(order.sort)
                .limit(100)
                .build())
            .items().stream().map(views::ticket).toList()))
        .toList();
    model.addAttribute("queues", queues);
    model.addAttribute("order", order.name());
    return "console/queues";
  }

  /**
   * @param id the ticket id from the URL
   * @param model the view model
   * @return the ticket with its full conversation and the action forms
   */
  @GetMapping("/tickets/{id}")
  public String show(@PathVariable String id, Model model) {
    Principal me = currentUser.principal();
    TicketId ticketId = Views.ticketId(id);
    Ticket t = helpdesk.tickets().get(me, ticketId);
    model.addAttribute("ticket", views.ticket(t));
    model.addAttribute("entries", helpdesk.tickets().conversation(me, ticketId).stream().map(views::entry).toList());
    model.addAttribute("higherTiers", helpdesk.directory().tiers().stream().filter(s -> s.level() > t.tier()).toList());
    model.addAttribute("canSolve", t.state().canTransitionTo(TicketState.SOLVED));
    return "console/ticket";
  }

  /**
   * @param id the ticket
   * @param body the public reply
   * @return a redirect to the ticket
   */
  @PostMapping("/tickets/{id}/reply")
  public String reply(@PathVariable String id, @RequestParam String body) {
    TicketId ticketId = Views.ticketId(id);
    if (!body.isBlank()) {
      helpdesk.tickets().reply(currentUser.principal(), ticketId, Ticket.ANY_VERSION, Message.of(body.strip()));
    }
    return "redirect:/console/tickets/" + ticketId.value();
  }

  /**
   * @param id the ticket
   * @param body the internal note
   * @return a redirect to the ticket
   */
  @PostMapping("/tickets/{id}/note")
  public String note(@PathVariable String id, @RequestParam String body) {
    TicketId ticketId = Views.ticketId(id);
    if (!body.isBlank()) {
      helpdesk.tickets().addNote(currentUser.principal(), ticketId, Ticket.ANY_VERSION, Message.of(body.strip()));
    }
    return "redirect:/console/tickets/" + ticketId.value();
  }

  /**
   * Escalates to a higher tier (its default team). The agent usually loses sight of the ticket, so
   * the redirect goes back to the queue.
   *
   * @param id the ticket
   * @param version the version the agent saw
   * @param tier the target tier
   * @param reason why
   * @return a redirect to the queue
   */
  @PostMapping("/tickets/{id}/escalate")
  public String escalate(@PathVariable String id, @RequestParam long version, @RequestParam int tier, @RequestParam String reason) {
    TicketId ticketId = Views.ticketId(id);
    helpdesk.tickets().escalate(currentUser.principal(), ticketId, version, tier, null, reason.strip());
    return "redirect:/console";
  }

  /**
   * @param id the ticket
   * @param version the version the agent saw
   * @return a redirect to the ticket
   */
  @PostMapping("/tickets/{id}/solve")
  public String solve(@PathVariable String id, @RequestParam long version) {
    TicketId ticketId = Views.ticketId(id);
    helpdesk.tickets().transition(currentUser.principal(), ticketId, version, TicketState.SOLVED);
    return "redirect:/console/tickets/" + ticketId.value();
  }
}
