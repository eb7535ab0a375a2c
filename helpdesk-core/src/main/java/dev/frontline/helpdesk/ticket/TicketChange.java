package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link TicketEvent} changed, with the values before and after. One record type per kind
 * of change, so listeners can switch over them exhaustively. Immutable.
 */
public sealed interface TicketChange {

  /** @return whether a customer may see this change in their view of the ticket */
  default boolean isCustomerVisible() {
    return false;
  }

  /**
   * The ticket was created with these values.
   *
   * @param key human key
   * @param subject subject
   * @param requester requester
   * @param organization requester's organization
   * @param channel channel
   * @param priority priority
   * @param type type
   * @param tags tags
   * @param fields custom fields
   * @param tier tier
   * @param team team
   * @param assignee assignee
   */
  record Created(
      TicketKey key,
      String subject,
      CustomerId requester,
      @Nullable OrganizationId organization,
      Channel channel,
      Priority priority,
      TicketType type,
      SortedSet<String> tags,
      SortedMap<String, FieldValue> fields,
      int tier,
      @Nullable TeamId team,
      @Nullable AgentId assignee)
      implements TicketChange {
    /** Copies collections. */
    public Created {
      tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
      fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    @Override
    public boolean isCustomerVisible() {
      return true;
    }
  }

  /**
   * The state changed.
   *
   * @param from before
   * @param to after
   */
  record StateChanged(TicketState from, TicketState to) implements TicketChange {
    @Override
    public boolean isCustomerVisible() {
      return true;
    }
  }

  /**
   * The subject changed.
   *
   * @param from before
   * @param to after
   */
  record SubjectChanged(String from, String to) implements TicketChange {}

  /**
   * The priority changed.
   *
   * @param from before
   * @param to after
   */
  record PriorityChanged(Priority from, Priority to) implements TicketChange {}

  /**
   * The type changed.
   *
   * @param from before
   * @param to after
   */
  record TypeChanged(TicketType from, TicketType to) implements TicketChange {}

  /**
   * Tags were added or removed.
   *
   * @param added tags added
   * @param removed tags removed
   */
  record TagsChanged(Set<String> added, Set<String> removed) implements TicketChange {
    /** Copies. */
    public TagsChanged {
      added = Set.copyOf(added);
      removed = Set.copyOf(removed);
    }
  }

  /**
   * A custom field was set or removed.
   *
   * @param name field name
   * @param before previous value, null if unset
   * @param after new value, null if removed
   */
  record FieldChanged(String name, @Nullable FieldValue before, @Nullable FieldValue after)
      implements TicketChange {}

  /**
   * The assignee or team changed (within a tier).
   *
   * @param fromTeam team before
   * @param toTeam team after
   * @param fromAgent assignee before
   * @param toAgent assignee after
   */
  record Assigned(
      @Nullable TeamId fromTeam,
      @Nullable TeamId toTeam,
      @Nullable AgentId fromAgent,
      @Nullable AgentId toAgent)
      implements TicketChange {}

  /**
   * The ticket moved between support tiers.
   *
   * @param fromTier tier before
   * @param toTier tier after
   * @param fromTeam team before
   * @param toTeam team after
   * @param fromAgent assignee before
   * @param toAgent assignee after (usually cleared when the tier changes)
   * @param reason why (escalation reason or de-escalation hand-off note)
   * @param automatic whether a rule did it rather than an agent
   */
  record TierChanged(
      int fromTier,
      int toTier,
      @Nullable TeamId fromTeam,
      @Nullable TeamId toTeam,
      @Nullable AgentId fromAgent,
      @Nullable AgentId toAgent,
      String reason,
      boolean automatic)
      implements TicketChange {
    /** Validates the reason. */
    public TierChanged {
      Checks.text(reason, "reason", 4000);
    }

    /** @return whether this moved the ticket to a higher tier */
    public boolean isEscalation() {
      return toTier > fromTier;
    }
  }

  /**
   * An entry was added to the conversation.
   *
   * @param entry the entry
   */
  record EntryAdded(Entry entry) implements TicketChange {
    @Override
    public boolean isCustomerVisible() {
      return entry.kind().isPublic();
    }
  }

  /**
   * A link was added.
   *
   * @param link the link as seen from this ticket
   */
  record Linked(TicketLink link) implements TicketChange {}

  /**
   * A link was removed.
   *
   * @param link the link as seen from this ticket
   */
  record Unlinked(TicketLink link) implements TicketChange {}

  /**
   * This ticket was merged into another; its state became MERGED.
   *
   * @param target the surviving ticket
   * @param from the state before the merge
   */
  record MergedInto(TicketId target, TicketState from) implements TicketChange {
    @Override
    public boolean isCustomerVisible() {
      return true;
    }
  }

  /**
   * Entries of another ticket were copied into this one by a merge, keeping their kinds.
   *
   * @param source the merged ticket
   * @param entries copies of the source's entries (new ids, same kind, author, time and body)
   */
  record MergeReceived(TicketId source, java.util.List<Entry> entries) implements TicketChange {
    /** Copies. */
    public MergeReceived {
      entries = java.util.List.copyOf(entries);
    }
  }

  /**
   * The SLA clock was recomputed and the next deadline changed.
   *
   * @param from previous next deadline
   * @param to new next deadline
   * @param detail machine-readable per-metric status, e.g. {@code first_response=due@...}
   * @param sla the per-metric SLA state after the change
   */
  record DeadlineChanged(
      @Nullable Instant from,
      @Nullable Instant to,
      String detail,
      Map<dev.frontline.helpdesk.sla.SlaMetric, dev.frontline.helpdesk.sla.SlaMetricState> sla)
      implements TicketChange {
    /** Copies the SLA states. */
    public DeadlineChanged {
      sla = Map.copyOf(sla);
    }

    /**
     * A deadline change without per-metric states.
     *
     * @param from previous next deadline
     * @param to new next deadline
     * @param detail machine-readable detail
     */
    public DeadlineChanged(@Nullable Instant from, @Nullable Instant to, String detail) {
      this(from, to, detail, Map.of());
    }
  }

  /**
   * An escalation rule fired a step on this ticket (recorded so that it fires only once).
   *
   * @param rule the rule name
   * @param step the step key within the rule
   */
  record EscalationStepFired(String rule, String step) implements TicketChange {}

  /**
   * Any other domain-specific change recorded by a module (e.g. CSAT received); opaque to the core.
   *
   * @param kind short kind name
   * @param data values
   */
  record Custom(String kind, Map<String, String> data) implements TicketChange {
    /** Copies. */
    public Custom {
      Checks.identifier(kind, "custom change kind");
      data = Map.copyOf(data);
    }
  }
}
