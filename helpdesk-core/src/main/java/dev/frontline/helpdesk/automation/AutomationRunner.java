package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.internal.DefaultTicketService;
import dev.frontline.helpdesk.internal.Trusted;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs time-based {@link Automation}s. Call {@link #runDue()} periodically (e.g. every minute) from
 * a scheduler; several nodes may call it at once.
 *
 * <p>Each automation fires at most once per stay of a ticket in its state: before acting, the
 * runner appends an {@code automation} custom event naming the automation and the instant the
 * ticket entered the state, and only the caller that stores this marker acts (the ticket's
 * optimistic lock decides between concurrent runners). The marker comes first, so a crash between
 * marker and actions skips the actions rather than repeating them (at most once, e.g. no duplicate
 * reminder mails). A new stay in the state (e.g. PENDING again after a customer reply) fires again.
 * Thread-safe.
 */
public final class AutomationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationRunner.class);
  private static final Principal ACTOR = Principal.system("automation");
  /** The kind of the marker event. */
  public static final String MARKER = "automation";

  private final Helpdesk helpdesk;
  private final DefaultTicketService tickets;
  private final ActionRunner runner;
  private final List<Automation> automations = new CopyOnWriteArrayList<>();

  private AutomationRunner(Helpdesk helpdesk, NotificationSink sink) {
    this.helpdesk = helpdesk;
    this.tickets = Trusted.tickets(helpdesk);
    this.runner = new ActionRunner(helpdesk, sink);
  }

  /**
   * @param helpdesk the helpdesk
   * @param sink where notifications go
   * @return a runner without automations yet
   */
  public static AutomationRunner create(Helpdesk helpdesk, NotificationSink sink) {
    return new AutomationRunner(Objects.requireNonNull(helpdesk, "helpdesk"), Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Adds an automation (administrators' configuration; the host checks who may call this).
   *
   * @param automation the automation
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken
   */
  public synchronized void add(Automation automation) {
    Objects.requireNonNull(automation, "automation");
    Checks.require(automations.stream().noneMatch(a -> a.name().equals(automation.name())), "automation " + automation.name() + " exists");
    automations.add(automation);
  }

  /** @return the automations */
  public List<Automation> automations() {
    return List.copyOf(automations);
  }

  /**
   * Fires every automation that is due now.
   *
   * @return how many times automations fired
   */
  public int runDue() {
    Instant now = helpdesk.clock().instant();
    int fired = 0;
    for (Automation a : automations) {
      String cursor = null;
      do {
        TicketPage page = tickets.query(ACTOR, TicketQuery.builder().states(a.state()).sort(TicketSort.UPDATED_ASC)
            .limit(TicketQuery.MAX_LIMIT).after(cursor).build());
        for (Ticket t : page.items()) {
          if (fire(a, t, now)) {
            fired++;
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    return fired;
  }

  private static Instant enteredState(Ticket t, List<TicketEvent> history) {
    Instant since = t.createdAt();
    for (TicketEvent e : history) {
      if (e.change() instanceof TicketChange.StateChanged s && s.to() == t.state()
          || e.change() instanceof TicketChange.Created && t.state() == dev.frontline.helpdesk.ticket.TicketState.NEW) {
        since = e.at();
      }
    }
    return since;
  }

  private boolean fire(Automation a, Ticket seen, Instant now) {
    try {
      tickets.appendCustom(ACTOR, seen.id(), (t, history) -> {
        if (t.state() != a.state() || !a.conditions().stream().allMatch(c -> c.test(t))) {
          throw new NotDue();
        }
        Instant since = enteredState(t, history);
        if (since.plus(a.after()).isAfter(now)) {
          throw new NotDue();
        }
        String sinceText = since.toString();
        for (TicketEvent e : history) {
          if (e.change() instanceof TicketChange.Custom c && MARKER.equals(c.kind()) && a.name().equals(c.data().get("name"))
              && sinceText.equals(c.data().get("since"))) {
            throw new NotDue();
          }
        }
        return new TicketChange.Custom(MARKER, Map.of("name", a.name(), "since", sinceText));
      });
    } catch (NotDue e) {
      return false;
    } catch (ConflictException e) {
      return false;
    }
    try {
      runner.run(ACTOR, seen.id(), a.actions(), "automation:" + a.name(), null);
    } catch (RuntimeException e) {
      LOG.warn("automation {} failed on ticket {}: {}", a.name(), seen.key(), e.toString());
    }
    return true;
  }

  /** Refusal used to leave a ticket unchanged when an automation is not due. */
  private static final class NotDue extends HelpdeskException {
    private static final long serialVersionUID = 1L;

    NotDue() {
      super("not due");
    }
  }
}
