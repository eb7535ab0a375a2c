package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Folds events into ticket snapshots. The snapshot a store keeps must always equal {@code
 * rebuild(history)}; the contract test kit checks this after every command. Stateless and
 * thread-safe.
 */
public final class TicketHistory {
  private TicketHistory() {}

  /**
   * Rebuilds a ticket from its complete history.
   *
   * @param events the events in version order, starting with {@link TicketChange.Created}
   * @return the snapshot
   * @throws HelpdeskException if the history is empty or not a gap-free sequence
   */
  public static Ticket rebuild(List<TicketEvent> events) {
    if (events.isEmpty()) {
      throw new HelpdeskException("a ticket history cannot be empty");
    }
    Ticket t = null;
    for (TicketEvent e : events) {
      t = apply(t, e);
    }
    return Objects.requireNonNull(t);
  }

  /**
   * Applies one event.
   *
   * @param before the snapshot before, or null for the creation event
   * @param event the event; its version must be {@code before.version() + 1}
   * @return the snapshot after
   */
  public static Ticket apply(@Nullable Ticket before, TicketEvent event) {
    if (before == null) {
      if (!(event.change() instanceof TicketChange.Created c) || event.version() != 1) {
        throw new HelpdeskException("a ticket history must start with a Created event at version 1");
      }
      return new Ticket(
          event.ticketId(), c.key(), 1, c.subject(), c.requester(), c.organization(), c.channel(),
          c.priority(), c.type(), TicketState.NEW, c.tags(), c.fields(), c.tier(), c.team(),
          c.assignee(), List.of(), null, event.at(), event.at(), null, null, null, null, null, 0, 0, 0,
          null, java.util.Map.of());
    }
    if (!event.ticketId().equals(before.id()) || event.version() != before.version() + 1) {
      throw new HelpdeskException(
          "event " + event.version() + " does not follow version " + before.version() + " of " + before.id());
    }
    var m = new Mutable(before);
    m.version = event.version();
    m.updatedAt = event.at();
    Instant at = event.at();
    TicketChange change = event.change();
    if (change instanceof TicketChange.Created) {
      throw new HelpdeskException("Created may only be the first event");
    } else if (change instanceof TicketChange.StateChanged s) {
      if (before.state() == TicketState.SOLVED && s.to() == TicketState.OPEN) {
        m.reopenCount++;
        m.solvedAt = null;
      }
      if (s.to() == TicketState.SOLVED) {
        m.solvedAt = at;
      }
      if (s.to() == TicketState.CLOSED) {
        m.closedAt = at;
      }
      m.state = s.to();
    } else if (change instanceof TicketChange.SubjectChanged s) {
      m.subject = s.to();
    } else if (change instanceof TicketChange.PriorityChanged p) {
      m.priority = p.to();
    } else if (change instanceof TicketChange.TypeChanged p) {
      m.type = p.to();
    } else if (change instanceof TicketChange.TagsChanged tc) {
      m.tags.removeAll(tc.removed());
      m.tags.addAll(tc.added());
    } else if (change instanceof TicketChange.FieldChanged f) {
      if (f.after() == null) {
        m.fields.remove(f.name());
      } else {
        m.fields.put(f.name(), f.after());
      }
    } else if (change instanceof TicketChange.Assigned a) {
      m.team = a.toTeam();
      m.assignee = a.toAgent();
    } else if (change instanceof TicketChange.TierChanged tc) {
      m.tier = tc.toTier();
      m.team = tc.toTeam();
      m.assignee = tc.toAgent();
      if (tc.isEscalation()) {
        m.escalationCount++;
      }
    } else if (change instanceof TicketChange.EntryAdded ea) {
      Entry e = ea.entry();
      if (e.kind() == EntryKind.PUBLIC_REPLY) {
        if (e.author().kind() == Author.Kind.CUSTOMER) {
          m.lastCustomerMessageAt = at;
        } else if (e.author().kind() == Author.Kind.AGENT) {
          m.lastAgentReplyAt = at;
          m.publicAgentReplies++;
          if (m.firstResponseAt == null) {
            m.firstResponseAt = at;
          }
        }
      }
    } else if (change instanceof TicketChange.Linked l) {
      if (!m.links.contains(l.link())) {
        m.links.add(l.link());
      }
    } else if (change instanceof TicketChange.Unlinked l) {
      m.links.remove(l.link());
    } else if (change instanceof TicketChange.MergedInto mi) {
      m.state = TicketState.MERGED;
      m.mergedInto = mi.target();
    } else if (change instanceof TicketChange.MergeReceived) {
      // entries are part of the conversation, not of the snapshot
    } else if (change instanceof TicketChange.DeadlineChanged d) {
      m.nextDeadline = d.to();
      m.sla = d.sla();
    } else if (change instanceof TicketChange.EscalationStepFired) {
      // recorded for idempotence and audit; no snapshot field
    } else if (change instanceof TicketChange.Custom) {
      // opaque to the core
    }
    return m.build();
  }

  /** Mutable working copy used while folding. */
  private static final class Mutable {
    final Ticket b;
    long version;
    String subject;
    Priority priority;
    TicketType type;
    TicketState state;
    final SortedSet<String> tags;
    final SortedMap<String, FieldValue> fields;
    int tier;
    @Nullable TeamId team;
    @Nullable AgentId assignee;
    final List<TicketLink> links;
    @Nullable TicketId mergedInto;
    Instant updatedAt;
    @Nullable Instant firstResponseAt;
    @Nullable Instant solvedAt;
    @Nullable Instant closedAt;
    @Nullable Instant lastCustomerMessageAt;
    @Nullable Instant lastAgentReplyAt;
    int publicAgentReplies;
    int reopenCount;
    int escalationCount;
    @Nullable Instant nextDeadline;
    java.util.Map<dev.frontline.helpdesk.sla.SlaMetric, dev.frontline.helpdesk.sla.SlaMetricState> sla;

    Mutable(Ticket b) {
      this.b = b;
      version = b.version();
      subject = b.subject();
      priority = b.priority();
      type = b.type();
      state = b.state();
      tags = new TreeSet<>(b.tags());
      fields = new TreeMap<>(b.fields());
      tier = b.tier();
      team = b.team();
      assignee = b.assignee();
      links = new ArrayList<>(b.links());
      mergedInto = b.mergedInto();
      updatedAt = b.updatedAt();
      firstResponseAt = b.firstResponseAt();
      solvedAt = b.solvedAt();
      closedAt = b.closedAt();
      lastCustomerMessageAt = b.lastCustomerMessageAt();
      lastAgentReplyAt = b.lastAgentReplyAt();
      publicAgentReplies = b.publicAgentReplies();
      reopenCount = b.reopenCount();
      escalationCount = b.escalationCount();
      nextDeadline = b.nextDeadline();
      sla = b.sla();
    }

    Ticket build() {
      return new Ticket(
          b.id(), b.key(), version, subject, b.requester(), b.organization(), b.channel(), priority,
          type, state, tags, fields, tier, team, assignee, links, mergedInto, b.createdAt(), updatedAt,
          firstResponseAt, solvedAt, closedAt, lastCustomerMessageAt, lastAgentReplyAt,
          publicAgentReplies, reopenCount, escalationCount, nextDeadline, sla);
    }
  }
}
