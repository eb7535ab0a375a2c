package dev.frontline.helpdesk.automation.internal;

import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.internal.Kernel;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.internal.ActionRunner;
import dev.frontline.helpdesk.internal.DefinitionRegistry;
import dev.frontline.helpdesk.internal.DefaultTicketService;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketSort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs time-based {@link Automation}s. Call {@link #runDue()} periodically (e.g. every minute) from
 * a scheduler; several nodes may call it at once.
 *
 * <p>Two sources of automations: {@link #add} keeps an automation in this runner's memory (the
 * host's own configuration at start-up; its conditions may be host code). {@link #define}, {@link
 * #delete} and {@link #list} manage automations in an {@link AutomationDefinitionStore} and need
 * {@link Permission#ADMINISTER}; with a shared store (e.g. the JDBC one) an automation defined on
 * one node is run by every node's runner. The runner caches the stored automations and re-reads them
 * at the start of each {@link #runDue()} if the store's {@linkplain
 * AutomationDefinitionStore#changeCount() change counter} moved.
 *
 * <p>Each automation fires at most once per stay of a ticket in its state: before acting, the
 * runner appends an {@code automation} custom event naming the automation and the instant the
 * ticket entered the state, and only the caller that stores this marker acts (the ticket's
 * optimistic lock decides between concurrent runners). The marker comes first, so a crash between
 * marker and actions skips the actions rather than repeating them (at most once, e.g. no duplicate
 * reminder mails). A new stay in the state (e.g. PENDING again after a customer reply) fires again.
 * Thread-safe.
 */
public final class DefaultAutomationRunner implements AutomationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationRunner.class);
  private static final Principal ACTOR = Principal.system("automation");
  /** The kind of the marker event. */
  public static final String MARKER = "automation";

  private final Kernel helpdesk;
  private final AccessControl access;
  private final DefaultTicketService tickets;
  private final ActionRunner runner;
  private final DefinitionRegistry<Automation> definitions;

  public DefaultAutomationRunner(Kernel helpdesk, NotificationSink sink, AutomationDefinitionStore store) {
    this.helpdesk = helpdesk;
    this.access = helpdesk.access();
    this.tickets = helpdesk.tickets();
    this.runner = new ActionRunner(helpdesk, sink);
    this.definitions = new DefinitionRegistry<>(store, AutomationDefinition.Kind.AUTOMATION, Automation.class, access, Permission.ADMINISTER, "runner");
  }

  /**
   * Adds an automation to this runner's memory. The host's configuration: no permission is checked
   * (the host decides who may call this), the automation is not stored and other nodes do not see
   * it; its conditions may be host code.
   *
   * @param automation the automation
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken by an added or a defined
   *     automation
   */
  public synchronized void add(Automation automation) {
    definitions.add(automation);
  }

  /** @return the automations that run: the added ones, then the defined ones in store order */
  public List<Automation> automations() {
    return definitions.all(false);
  }

  /**
   * Defines or replaces an automation in the store, whatever is stored (last writer wins).
   *
   * @param principal needs {@code ADMINISTER}
   * @param automation the automation; its conditions must be {@link Rule}s
   * @return the stored automation with its revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of an automation added to this runner
   */
  public StoredDefinition<Automation> define(Principal principal, Automation automation) {
    return define(principal, automation, AutomationDefinitionStore.ANY_REVISION);
  }

  /**
   * Defines or replaces an automation in the store if it is still at the revision the caller read.
   *
   * @param principal needs {@code ADMINISTER}
   * @param automation the automation; its conditions must be {@link Rule}s
   * @param expectedRevision the revision read (see {@link #findStored}), {@link
   *     AutomationDefinitionStore#NEW} for a new automation, or {@link
   *     AutomationDefinitionStore#ANY_REVISION}
   * @return the stored automation with its new revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of an automation added to this runner
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  public StoredDefinition<Automation> define(Principal principal, Automation automation, long expectedRevision) {
    return definitions.define(principal, automation, expectedRevision);
  }

  /**
   * Deletes a defined automation, whatever its revision.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public boolean delete(Principal principal, String name) {
    return delete(principal, name, AutomationDefinitionStore.ANY_REVISION);
  }

  /**
   * Deletes a defined automation if it is still at the revision the caller read.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  public boolean delete(Principal principal, String name, long expectedRevision) {
    return definitions.delete(principal, name, expectedRevision);
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the defined automations with their revisions, in store order
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public List<StoredDefinition<Automation>> list(Principal principal) {
    return definitions.list(principal);
  }

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a name
   * @return the defined automation with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  public Optional<StoredDefinition<Automation>> findStored(Principal principal, String name) {
    return definitions.find(principal, name);
  }

  /**
   * Fires every automation that is due now.
   *
   * @return how many times automations fired
   */
  public int runDue() {
    Instant now = helpdesk.clock().instant();
    int fired = 0;
    for (Automation a : automations()) {
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
        if (t.state() != a.state()) {
          throw new NotDue();
        }
        dev.frontline.helpdesk.automation.TicketFacts facts = helpdesk.facts(t);
        if (!a.conditions().stream().allMatch(c -> c.test(facts))) {
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
