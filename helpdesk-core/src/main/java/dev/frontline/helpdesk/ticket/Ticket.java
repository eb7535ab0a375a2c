package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a ticket: the fold of its events ({@link TicketHistory#rebuild}). Immutable and
 * thread-safe; every change produces a new snapshot with {@code version} increased by the number of
 * events appended. The conversation is not part of the snapshot: read it through the ticket
 * service, which filters it for the principal.
 *
 * @param id random, unguessable identifier
 * @param key human-readable key such as {@code HD-1042}
 * @param version number of events applied so far (1 after creation); used for optimistic locking
 * @param subject single-line subject
 * @param requester the customer who asked
 * @param organization the requester's organization at creation, if any
 * @param channel where the ticket came in
 * @param priority current priority
 * @param type current type
 * @param state current lifecycle state
 * @param tags tags, sorted, lower-case
 * @param fields custom fields by name, sorted
 * @param tier support tier, 1 = front line
 * @param team responsible team, if any
 * @param assignee responsible agent, if any
 * @param links links to other tickets
 * @param mergedInto the ticket this one was merged into (state {@link TicketState#MERGED})
 * @param createdAt creation time
 * @param updatedAt time of the last event
 * @param firstResponseAt time of the first public agent reply
 * @param solvedAt time of the last transition to SOLVED (cleared on reopen)
 * @param closedAt time of the transition to CLOSED
 * @param lastCustomerMessageAt time of the last public customer message
 * @param lastAgentReplyAt time of the last public agent reply
 * @param publicAgentReplies number of public agent replies
 * @param reopenCount how often the ticket was reopened from SOLVED
 * @param escalationCount how often the ticket was escalated to a higher tier
 * @param nextDeadline the earliest pending SLA deadline (warning or breach), indexed by stores
 * @param sla the per-metric SLA state as of the last change or escalation sweep (empty without SLA
 *     policies), filterable in queries through {@link TicketQuery#slaStatuses()}
 */
public record Ticket(
    TicketId id,
    TicketKey key,
    long version,
    String subject,
    CustomerId requester,
    @Nullable OrganizationId organization,
    Channel channel,
    Priority priority,
    TicketType type,
    TicketState state,
    SortedSet<String> tags,
    SortedMap<String, FieldValue> fields,
    int tier,
    @Nullable TeamId team,
    @Nullable AgentId assignee,
    List<TicketLink> links,
    @Nullable TicketId mergedInto,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant firstResponseAt,
    @Nullable Instant solvedAt,
    @Nullable Instant closedAt,
    @Nullable Instant lastCustomerMessageAt,
    @Nullable Instant lastAgentReplyAt,
    int publicAgentReplies,
    int reopenCount,
    int escalationCount,
    @Nullable Instant nextDeadline,
    Map<SlaMetric, SlaMetricState> sla) {

  /** Longest subject, in characters. */
  public static final int MAX_SUBJECT = 255;
  /**
   * The text custom field with the locale the ticket is handled in, as a BCP 47 tag such as {@code
   * da} or {@code de-CH}: set when the ticket is opened from the requester's {@link
   * dev.frontline.helpdesk.directory.Customer#locale()} (unless the command sets it), read by
   * language routing and macros.
   */
  public static final String LOCALE_FIELD = "locale";
  /** Highest support tier. */
  public static final int MAX_TIER = 9;
  /**
   * Passed as expected version to commands that commute with concurrent changes (adding an entry):
   * the service applies them to the latest version, retrying on conflict.
   */
  public static final long ANY_VERSION = -1;
  /** The bit of {@link #slaMask()} that marks a warned, not yet met metric. */
  public static final int SLA_WARNED_BIT = 16;

  /** Validates and defensively copies. */
  public Ticket {
    Checks.notNull(id, "ticket id");
    Checks.notNull(key, "ticket key");
    Checks.require(version >= 1, "ticket version must be at least 1");
    Checks.line(subject, "subject", MAX_SUBJECT);
    Checks.notNull(requester, "requester");
    Checks.notNull(channel, "channel");
    Checks.notNull(priority, "priority");
    Checks.notNull(type, "type");
    Checks.notNull(state, "state");
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.elements(tags, "tags", 100)));
    fields = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.notNull(fields, "fields")));
    Checks.require(tier >= 1 && tier <= MAX_TIER, "tier must be between 1 and " + MAX_TIER);
    links = List.copyOf(Checks.elements(links, "links", 1000));
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    Checks.notNull(sla, "sla");
    sla = sla.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sla));
  }

  /**
   * The SLA statuses as a bit mask (bit {@code s.ordinal()} is set when some metric has status
   * {@code s}), plus bit {@link #SLA_WARNED_BIT} when some metric is warned and not met. Stores
   * index this value to filter queues.
   *
   * @return the mask
   */
  public int slaMask() {
    int m = 0;
    for (SlaMetricState s : sla.values()) {
      m |= 1 << s.status().ordinal();
      if (s.warned() && s.status() != SlaStatus.MET) {
        m |= 1 << SLA_WARNED_BIT;
      }
    }
    return m;
  }

  /**
   * @param type a link type
   * @return the tickets linked with that type, in link order
   */
  public List<TicketId> linked(LinkType type) {
    return links.stream().filter(l -> l.type() == type).map(TicketLink::other).toList();
  }

  /** @return the custom fields as a map (read-only) */
  public Map<String, FieldValue> fieldMap() {
    return fields;
  }
}
