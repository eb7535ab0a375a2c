package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Recipient;
import dev.frontline.helpdesk.spi.Notification;

import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out automation actions through the ticket service as a given principal. Thread-safe. */
public final class ActionRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
  private static final int RETRIES = 10;
  private final Kernel helpdesk;
  private final TicketService tickets;
  private final NotificationSink sink;

  /**
   * @param helpdesk the helpdesk
   * @param sink where notifications go
   */
  public ActionRunner(Kernel helpdesk, NotificationSink sink) {
    this.helpdesk = helpdesk;
    this.tickets = helpdesk.tickets();
    this.sink = sink;
  }

  /**
   * Placeholder values for a ticket.
   *
   * @param t the ticket
   * @param agent the agent whose name fills {@code agent.name}; the assignee if null
   * @return the values (unescaped; templates escape them)
   */
  public Map<String, String> values(Ticket t, @Nullable AgentId agent) {
    Map<String, String> v = new HashMap<>();
    v.put("ticket.key", t.key().toString());
    v.put("ticket.subject", t.subject());
    v.put("ticket.state", t.state().name());
    v.put("ticket.priority", t.priority().name());
    v.put("customer.name", helpdesk.directory().findCustomer(t.requester()).map(c -> c.name()).orElse(""));
    AgentId a = agent != null ? agent : t.assignee();
    v.put("agent.name", a == null ? "" : helpdesk.directory().findAgent(a).map(Agent::name).orElse(""));
    return v;
  }

  /**
   * Runs actions in order; stops at the first failure and throws it.
   *
   * @param p the acting principal (its rights are checked by the ticket service)
   * @param id the ticket
   * @param actions the actions
   * @param source what acts, for notifications
   * @param agent the agent for {@code agent.name}, or null for the assignee
   * @return the ticket after the actions
   */
  public Ticket run(Principal p, TicketId id, List<Action> actions, String source, @Nullable AgentId agent) {
    Ticket t = tickets.get(p, id);
    for (Action a : actions) {
      t = apply(p, id, a, source, agent);
    }
    return t;
  }

  private Ticket apply(Principal p, TicketId id, Action a, String source, @Nullable AgentId agent) {
    if (a instanceof Action.SetPriority sp) {
      return retry(p, id, t -> t.priority() == sp.priority() ? t
          : tickets.update(p, id, t.version(), TicketUpdate.none().withPriority(sp.priority())));
    } else if (a instanceof Action.AddTag at) {
      return retry(p, id, t -> t.tags().contains(at.tag()) ? t
          : tickets.update(p, id, t.version(), TicketUpdate.none().withTags(Set.of(at.tag()), Set.of())));
    } else if (a instanceof Action.RemoveTag rt) {
      return retry(p, id, t -> !t.tags().contains(rt.tag()) ? t
          : tickets.update(p, id, t.version(), TicketUpdate.none().withTags(Set.of(), Set.of(rt.tag()))));
    } else if (a instanceof Action.AssignTeam at) {
      return retry(p, id, t -> {
        if (at.team().equals(t.team())) {
          return t;
        }
        AgentId keep = t.assignee() != null && helpdesk.directory().findAgent(t.assignee())
            .map(x -> x.teams().containsKey(at.team())).orElse(false) ? t.assignee() : null;
        return tickets.assign(p, id, t.version(), at.team(), keep);
      });
    } else if (a instanceof Action.SetState ss) {
      return retry(p, id, t -> t.state() == ss.state() ? t : tickets.transition(p, id, t.version(), ss.state()));
    } else if (a instanceof Action.AddInternalNote n) {
      Ticket t = tickets.get(p, id);
      return tickets.addNote(p, id, Ticket.ANY_VERSION, Message.of(n.text().render(values(t, agent)), Channel.INTERNAL));
    } else if (a instanceof Action.SetField sf) {
      return retry(p, id, t -> {
        if (java.util.Objects.equals(t.fields().get(sf.field()), sf.value())) {
          return t;
        }
        TicketUpdate u = sf.value() == null
            ? TicketUpdate.none().withFields(Map.of(), Set.of(sf.field()))
            : TicketUpdate.none().withFields(Map.of(sf.field(), sf.value()), Set.of());
        return tickets.update(p, id, t.version(), u);
      });
    } else if (a instanceof Action.AddPublicReply r) {
      Ticket t = tickets.get(p, id);
      return tickets.reply(p, id, Ticket.ANY_VERSION, Message.of(r.text().render(values(t, agent))));
    } else if (a instanceof Action.Notify n) {
      Ticket t = tickets.get(p, id);
      String to = switch (n.recipient()) {
        case REQUESTER -> t.requester().value();
        case ASSIGNEE -> t.assignee() == null ? null : t.assignee().value();
        case TEAM -> t.team() == null ? null : t.team().value();
      };
      if (to == null) {
        LOG.debug("ticket {} has no {}; notification skipped", t.key(), n.recipient());
        return t;
      }
      Map<String, String> v = values(t, agent);
      String subject = n.subject().render(v).replace('\n', ' ').replace('\r', ' ');
      String prefix = n.recipient() == Recipient.REQUESTER ? "customer:" : n.recipient() == Recipient.ASSIGNEE ? "agent:" : "team:";
      sink.send(new Notification(t.id(), t.key(), prefix + to, subject, n.body().render(v), source, helpdesk.clock().instant()));
      return t;
    }
    throw new IllegalStateException("unknown action " + a);
  }

  private Ticket retry(Principal p, TicketId id, Function<Ticket, Ticket> op) {
    for (int attempt = 0; ; attempt++) {
      Ticket t = tickets.get(p, id);
      try {
        return op.apply(t);
      } catch (ConcurrentModificationException e) {
        if (attempt >= RETRIES) {
          throw e;
        }
      }
    }
  }
}
