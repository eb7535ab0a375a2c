package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.sla.SlaReport;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The escalation runner; see {@link EscalationRunner} for the protocol. */
public final class DefaultEscalationRunner implements EscalationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultEscalationRunner.class);
  /** The principal escalation acts as. */
  public static final Principal SYSTEM = Principal.system("escalation");
  private static final int RETRIES = 10;

  private final TicketStore store;
  private final DirectoryStore directory;
  private final DefaultTicketService tickets;
  private final SlaEngine engine;
  private final NotificationSink sink;
  private final Clock clock;
  private final IdGenerator ids;
  private final int batchSize;
  private final EscalationRules rules;

  /**
   * @param store tickets
   * @param directory teams, tiers, agents
   * @param tickets the ticket service (for atomic automated updates)
   * @param engine SLA and rules
   * @param sink where notifications go
   * @param clock time
   * @param ids entry ids
   * @param batchSize due tickets read per page
   * @param rules the rules in force and their stored definitions
   */
  public DefaultEscalationRunner(
      TicketStore store, DirectoryStore directory, DefaultTicketService tickets, SlaEngine engine,
      NotificationSink sink, Clock clock, IdGenerator ids, int batchSize, EscalationRules rules) {
    this.store = store;
    this.directory = directory;
    this.tickets = tickets;
    this.engine = engine;
    this.sink = sink;
    this.clock = clock;
    this.ids = ids;
    this.batchSize = batchSize;
    this.rules = rules;
  }

  @Override
  public dev.frontline.helpdesk.automation.StoredDefinition<dev.frontline.helpdesk.escalation.EscalationRule> define(
      dev.frontline.helpdesk.access.Principal principal, dev.frontline.helpdesk.escalation.EscalationRule rule, long expectedRevision) {
    return rules.define(principal, rule, expectedRevision);
  }

  @Override
  public boolean delete(dev.frontline.helpdesk.access.Principal principal, String name, long expectedRevision) {
    return rules.delete(principal, name, expectedRevision);
  }

  @Override
  public List<dev.frontline.helpdesk.automation.StoredDefinition<dev.frontline.helpdesk.escalation.EscalationRule>> list(
      dev.frontline.helpdesk.access.Principal principal) {
    return rules.list(principal);
  }

  @Override
  public java.util.Optional<dev.frontline.helpdesk.automation.StoredDefinition<dev.frontline.helpdesk.escalation.EscalationRule>> findStored(
      dev.frontline.helpdesk.access.Principal principal, String name) {
    return rules.find(principal, name);
  }

  @Override
  public List<dev.frontline.helpdesk.escalation.EscalationRule> rules() {
    return rules.get();
  }

  @Override
  public int runOnce() {
    Instant now = clock.instant();
    Instant afterDeadline = null;
    TicketId afterId = null;
    Set<TicketId> seen = new HashSet<>();
    int updated = 0;
    while (true) {
      List<Ticket> page = store.due(now, afterDeadline, afterId, batchSize);
      for (Ticket t : page) {
        // A ticket whose deadline moved but is still due can show up again further on; once is enough.
        if (!seen.add(t.id())) {
          continue;
        }
        try {
          if (process(t.id(), now)) {
            updated++;
          }
        } catch (RuntimeException e) {
          // one broken ticket must not stop the sweep; it stays due and is retried next run
          LOG.error("escalation failed for ticket {}", t.key(), e);
        }
      }
      if (page.size() < batchSize) {
        return updated;
      }
      Ticket last = page.get(page.size() - 1);
      afterDeadline = last.nextDeadline();
      afterId = last.id();
    }
  }

  /** Fires what is due on one ticket; returns whether it was updated. */
  private boolean process(TicketId id, Instant now) {
    for (int attempt = 0; ; attempt++) {
      Optional<Ticket> found = store.find(id);
      if (found.isEmpty()) {
        return false;
      }
      Ticket t = found.get();
      if (t.nextDeadline() == null || t.nextDeadline().isAfter(now)) {
        return false; // another runner (or a change) got there first
      }
      List<TicketEvent> history = store.history(id);
      SlaReport report = engine.report(t, history, now);
      List<SlaEngine.Occurrence> fire = new ArrayList<>();
      for (SlaEngine.Occurrence o : engine.pending(t, history, report, now)) {
        if (!o.at().isAfter(now)) {
          fire.add(o);
        }
      }
      List<Notification> notifications = new ArrayList<>();
      try {
        Ticket after = tickets.automate(SYSTEM, t, history, edit -> {
          for (SlaEngine.Occurrence o : fire) {
            edit.add(new TicketChange.EscalationStepFired(o.rule().name(), o.step()));
            for (EscalationAction a : o.rule().actions()) {
              apply(edit, o, a, notifications);
            }
          }
        });
        for (Notification n : notifications) {
          try {
            sink.send(n);
          } catch (RuntimeException e) {
            LOG.error("notification sink failed for ticket {}", n.ticketKey(), e);
          }
        }
        return after.version() != t.version();
      } catch (ConcurrentModificationException e) {
        LOG.debug("ticket {} changed while escalating (attempt {}); re-reading", t.key(), attempt);
        if (attempt >= RETRIES) {
          LOG.warn("ticket {} kept changing during escalation; left for the next run", t.key());
          return false;
        }
      }
    }
  }

  private void apply(TicketWriter.Edit edit, SlaEngine.Occurrence o, EscalationAction action, List<Notification> out) {
    Ticket cur = edit.current();
    String why = "rule " + o.rule().name() + " (" + o.step() + ")";
    if (action instanceof EscalationAction.MoveToTier m) {
      if (m.tier() <= cur.tier()) {
        return;
      }
      TeamId team = m.team() != null ? m.team() : defaultTeam(m.tier());
      String problem = team == null ? null : teamProblem(team, m.tier());
      if (problem != null) {
        note(edit, EntryKind.SYSTEM, "Escalation " + why + " could not move the ticket to tier " + m.tier() + ": " + problem);
        return;
      }
      edit.add(new TicketChange.TierChanged(cur.tier(), m.tier(), cur.team(), team, cur.assignee(), null, why, true));
      note(edit, EntryKind.SYSTEM, "Escalated from tier " + cur.tier() + " to tier " + m.tier() + ": " + why);
    } else if (action instanceof EscalationAction.Reassign r) {
      TeamId team = r.team() != null ? r.team() : cur.team();
      String problem = team == null ? null : teamProblem(team, cur.tier());
      if (problem == null && r.agent() != null) {
        Agent a = directory.findAgent(r.agent()).orElse(null);
        if (a == null || !a.active()) {
          problem = "agent " + r.agent() + " is unknown or inactive";
        } else if (team != null && !a.teams().containsKey(team)) {
          problem = "agent " + r.agent() + " is not a member of team " + team;
        }
      }
      if (problem != null) {
        note(edit, EntryKind.SYSTEM, "Escalation " + why + " could not reassign the ticket: " + problem);
        return;
      }
      if (!Objects.equals(team, cur.team()) || !Objects.equals(r.agent(), cur.assignee())) {
        edit.add(new TicketChange.Assigned(cur.team(), team, cur.assignee(), r.agent()));
      }
    } else if (action instanceof EscalationAction.RaisePriority p) {
      if (p.to().compareTo(cur.priority()) > 0) {
        edit.add(new TicketChange.PriorityChanged(cur.priority(), p.to()));
      }
    } else if (action instanceof EscalationAction.Notify n) {
      out.add(new Notification(cur.id(), cur.key(), n.recipient(), "Escalation " + o.rule().name() + " on " + cur.key(), n.message(),
          "escalation:" + o.rule().name() + "/" + o.step(), edit.at()));
    } else if (action instanceof EscalationAction.AddTag tag) {
      if (!cur.tags().contains(tag.tag()) && cur.tags().size() < 100) {
        edit.add(new TicketChange.TagsChanged(Set.of(tag.tag()), Set.of()));
      }
    } else if (action instanceof EscalationAction.AddNote note) {
      note(edit, EntryKind.INTERNAL_NOTE, note.text());
    }
  }

  private void note(TicketWriter.Edit edit, EntryKind kind, String text) {
    edit.add(new TicketChange.EntryAdded(
        new Entry(new EntryId(ids.next()), kind, Author.of(SYSTEM), Channel.INTERNAL, text, edit.at(), List.of())));
  }

  private @Nullable String teamProblem(TeamId team, int tier) {
    Optional<Team> t = directory.findTeam(team);
    if (t.isEmpty()) {
      return "unknown team " + team;
    }
    return t.get().tier() == tier ? null : "team " + team + " serves tier " + t.get().tier() + ", not " + tier;
  }

  private @Nullable TeamId defaultTeam(int tier) {
    return directory.tiers().stream().filter(s -> s.level() == tier).findFirst().map(SupportTier::defaultTeam).orElse(null);
  }
}
