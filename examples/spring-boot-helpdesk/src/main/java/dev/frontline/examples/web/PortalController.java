package dev.frontline.examples.web;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer portal: open a ticket, list one's tickets, read the public conversation, reply.
 * Every call passes the signed-in customer's principal; Frontline decides what they may see, so a
 * customer only ever gets public replies of their own tickets. Form fields are explicit request
 * parameters: nothing else of a command (requester, priority, tier) can be set from the request.
 */
@Controller
@RequestMapping("/portal")
public class PortalController {
  private final Helpdesk helpdesk;
  private final CurrentUser currentUser;
  private final Views views;

  /**
   * @param helpdesk the helpdesk
   * @param currentUser the signed-in user
   * @param views view helpers
   */
  public PortalController(Helpdesk helpdesk, CurrentUser currentUser, Views views) {
    this.helpdesk = helpdesk;
    this.currentUser = currentUser;
    this.views = views;
  }

  /**
   * @param model the view model
   * @return the customer's tickets, most recently updated first
   */
  @GetMapping
  public String list(Model model) {
    CustomerId me = currentUser.customer();
    // the customer view: nothing of the support organization's fields reaches the page model
    var page = helpdesk.tickets().queryForCustomer(currentUser.principal(),
        TicketQuery.builder().requester(me).sort(TicketSort.UPDATED_DESC).limit(100).build());
    model.addAttribute("tickets", page.items().stream().map(views::portalTicket).toList());
    return "portal/list";
  }

  /**
   * @param model the view model
   * @return the form for a new ticket
   */
  @GetMapping("/tickets/new")
  public String newTicket(Model model) {
    model.addAttribute("subject", "");
    model.addAttribute("body", "");
    return "portal/new";
  }

  /**
   * Opens a ticket for the signed-in customer.
   *
   * @param subject the subject
   * @param body the first message
   * @param model the view model (for showing the form again)
   * @return a redirect to the new ticket, or the form with an error
   */
  @PostMapping("/tickets")
  public String create(@RequestParam String subject, @RequestParam String body, Model model) {
    CustomerId me = currentUser.customer();
    String error = null;
    if (subject.isBlank() || body.isBlank()) {
      error = "Please fill in both a subject and a description.";
    } else {
      try {
        Ticket t = helpdesk.tickets().create(currentUser.principal(),
            NewTicket.builder(subject.strip(), me, Message.of(body.strip())).build());
        return "redirect:/portal/tickets/" + t.id().value();
      } catch (ValidationException e) {
        error = e.getMessage();
      }
    }
    model.addAttribute("subject", subject);
    model.addAttribute("body", body);
    model.addAttribute("error", error);
    return "portal/new";
  }

  /**
   * @param id the ticket id from the URL
   * @param model the view model
   * @return the ticket with its public conversation; 404 if it is not the customer's
   */
  @GetMapping("/tickets/{id}")
  public String show(@PathVariable String id, Model model) {
    Principal me = currentUser.principal();
    TicketId ticketId = Views.ticketId(id);
    model.addAttribute("ticket", views.portalTicket(helpdesk.tickets().getForCustomer(me, ticketId)));
    model.addAttribute("entries", helpdesk.tickets().conversation(me, ticketId).stream().map(views::entry).toList());
    return "portal/ticket";
  }

  /**
   * Adds the customer's reply. A reply to a solved ticket reopens it, or opens a follow-up ticket
   * after the reopen window; the redirect goes to wherever the reply landed.
   *
   * @param id the ticket id from the URL
   * @param body the reply
   * @return a redirect to the ticket
   */
  @PostMapping("/tickets/{id}/replies")
  public String reply(@PathVariable String id, @RequestParam String body) {
    TicketId ticketId = Views.ticketId(id);
    if (body.isBlank()) {
      return "redirect:/portal/tickets/" + ticketId.value();
    }
    Ticket t = helpdesk.tickets().reply(currentUser.principal(), ticketId, Ticket.ANY_VERSION, Message.of(body.strip()));
    return "redirect:/portal/tickets/" + t.id().value();
  }
}
