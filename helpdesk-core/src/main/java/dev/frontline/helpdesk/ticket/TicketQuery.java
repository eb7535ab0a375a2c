package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.sla.SlaStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters, order and page of a ticket query. Empty sets and nulls mean "no filter". Every filter is
 * a value compared by the store with bound parameters; there is no free-form expression. Build with
 * {@link #builder()}. Immutable.
 *
 * @param states states to include
 * @param priorities priorities to include
 * @param teams teams to include
 * @param tiers tiers to include
 * @param assignee only tickets assigned to this agent
 * @param unassigned only tickets without assignee
 * @param requester only tickets of this customer
 * @param organization only tickets of this organization
 * @param channels channels to include
 * @param tagsAll tickets must have all these tags
 * @param createdFrom created at or after
 * @param createdBefore created before
 * @param slaStatuses tickets with at least one SLA metric in one of these statuses
 * @param slaWarned only tickets with a warned, not yet met SLA metric
 * @param sort the order
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param after keyset cursor from the previous page's {@link TicketPage#nextCursor()}
 */
public record TicketQuery(
    Set<TicketState> states,
    Set<Priority> priorities,
    Set<TeamId> teams,
    Set<Integer> tiers,
    @Nullable AgentId assignee,
    boolean unassigned,
    @Nullable CustomerId requester,
    @Nullable OrganizationId organization,
    Set<Channel> channels,
    Set<String> tagsAll,
    @Nullable Instant createdFrom,
    @Nullable Instant createdBefore,
    Set<SlaStatus> slaStatuses,
    boolean slaWarned,
    TicketSort sort,
    int limit,
    @Nullable String after) {

  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  /** Validates and copies. */
  public TicketQuery {
    states = Set.copyOf(Checks.elements(states, "states", 10));
    priorities = Set.copyOf(Checks.elements(priorities, "priorities", 10));
    teams = Set.copyOf(Checks.elements(teams, "teams", 1000));
    tiers = Set.copyOf(Checks.elements(tiers, "tiers", Ticket.MAX_TIER));
    channels = Set.copyOf(Checks.elements(channels, "channels", 20));
    tagsAll = Set.copyOf(Checks.elements(tagsAll, "tags", 50));
    slaStatuses = Set.copyOf(Checks.elements(slaStatuses, "SLA statuses", SlaStatus.values().length));
    Checks.notNull(sort, "sort");
    Checks.require(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
    if (after != null) {
      TicketCursor.decode(after, sort);
    }
  }

  /** @return a builder with no filters, sorted by creation (newest first), 50 per page */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised from this query */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.states = states.isEmpty() ? EnumSet.noneOf(TicketState.class) : EnumSet.copyOf(states);
    b.priorities = priorities.isEmpty() ? EnumSet.noneOf(Priority.class) : EnumSet.copyOf(priorities);
    b.teams = teams;
    b.tiers = tiers;
    b.assignee = assignee;
    b.unassigned = unassigned;
    b.requester = requester;
    b.organization = organization;
    b.channels = channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    b.tagsAll = tagsAll;
    b.createdFrom = createdFrom;
    b.createdBefore = createdBefore;
    b.slaStatuses = slaStatuses;
    b.slaWarned = slaWarned;
    b.sort = sort;
    b.limit = limit;
    b.after = after;
    return b;
  }

  /**
   * The reference filter semantics every store must implement (visibility aside).
   *
   * @param t a ticket
   * @return whether it passes the filters
   */
  public boolean matches(Ticket t) {
    return (states.isEmpty() || states.contains(t.state()))
        && (priorities.isEmpty() || priorities.contains(t.priority()))
        && (teams.isEmpty() || (t.team() != null && teams.contains(t.team())))
        && (tiers.isEmpty() || tiers.contains(t.tier()))
        && (assignee == null || assignee.equals(t.assignee()))
        && (!unassigned || t.assignee() == null)
        && (requester == null || requester.equals(t.requester()))
        && (organization == null || organization.equals(t.organization()))
        && (channels.isEmpty() || channels.contains(t.channel()))
        && t.tags().containsAll(tagsAll)
        && (createdFrom == null || !t.createdAt().isBefore(createdFrom))
        && (createdBefore == null || t.createdAt().isBefore(createdBefore))
        && (slaStatuses.isEmpty() || (t.slaMask() & slaStatusMask()) != 0)
        && (!slaWarned || (t.slaMask() & (1 << Ticket.SLA_WARNED_BIT)) != 0);
  }

  /** @return the bits of {@link Ticket#slaMask()} that {@link #slaStatuses()} selects */
  public int slaStatusMask() {
    int m = 0;
    for (SlaStatus s : slaStatuses) {
      m |= 1 << s.ordinal();
    }
    return m;
  }

  /** Builds {@link TicketQuery} values. Not thread-safe. */
  public static final class Builder {
    private Set<TicketState> states = EnumSet.noneOf(TicketState.class);
    private Set<Priority> priorities = EnumSet.noneOf(Priority.class);
    private Set<TeamId> teams = Set.of();
    private Set<Integer> tiers = Set.of();
    private @Nullable AgentId assignee;
    private boolean unassigned;
    private @Nullable CustomerId requester;
    private @Nullable OrganizationId organization;
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private Set<String> tagsAll = Set.of();
    private @Nullable Instant createdFrom;
    private @Nullable Instant createdBefore;
    private Set<SlaStatus> slaStatuses = Set.of();
    private boolean slaWarned;
    private TicketSort sort = TicketSort.CREATED_DESC;
    private int limit = 50;
    private @Nullable String after;

    private Builder() {}

    /**
     * @param s states
     * @return this
     */
    public Builder states(TicketState... s) {
      states = s.length == 0 ? EnumSet.noneOf(TicketState.class) : EnumSet.copyOf(Set.of(s));
      return this;
    }

    /**
     * @param s states
     * @return this
     */
    public Builder states(Set<TicketState> s) {
      states = Set.copyOf(s);
      return this;
    }

    /**
     * @param p priorities
     * @return this
     */
    public Builder priorities(Priority... p) {
      priorities = Set.of(p);
      return this;
    }

    /**
     * @param t teams
     * @return this
     */
    public Builder teams(TeamId... t) {
      teams = Set.of(t);
      return this;
    }

    /**
     * @param t tiers
     * @return this
     */
    public Builder tiers(Integer... t) {
      tiers = Set.of(t);
      return this;
    }

    /**
     * @param a assignee
     * @return this
     */
    public Builder assignee(@Nullable AgentId a) {
      assignee = a;
      return this;
    }

    /**
     * @param u only unassigned tickets
     * @return this
     */
    public Builder unassigned(boolean u) {
      unassigned = u;
      return this;
    }

    /**
     * @param r requester
     * @return this
     */
    public Builder requester(@Nullable CustomerId r) {
      requester = r;
      return this;
    }

    /**
     * @param o organization
     * @return this
     */
    public Builder organization(@Nullable OrganizationId o) {
      organization = o;
      return this;
    }

    /**
     * @param c channels
     * @return this
     */
    public Builder channels(Channel... c) {
      channels = Set.of(c);
      return this;
    }

    /**
     * @param t tags that must all be present
     * @return this
     */
    public Builder tagsAll(String... t) {
      tagsAll = Set.of(t);
      return this;
    }

    /**
     * @param from created at or after (inclusive)
     * @param before created before (exclusive)
     * @return this
     */
    public Builder created(@Nullable Instant from, @Nullable Instant before) {
      createdFrom = from;
      createdBefore = before;
      return this;
    }

    /**
     * @param s tickets with at least one SLA metric in one of these statuses, e.g. {@code BREACHED}
     * @return this
     */
    public Builder slaStatuses(SlaStatus... s) {
      slaStatuses = Set.of(s);
      return this;
    }

    /**
     * @param w only tickets with a warned, not yet met SLA metric
     * @return this
     */
    public Builder slaWarned(boolean w) {
      slaWarned = w;
      return this;
    }

    /**
     * @param s sort order
     * @return this
     */
    public Builder sort(TicketSort s) {
      sort = Objects.requireNonNull(s);
      return this;
    }

    /**
     * @param l page size
     * @return this
     */
    public Builder limit(int l) {
      limit = l;
      return this;
    }

    /**
     * @param cursor the previous page's next cursor, or null for the first page
     * @return this
     */
    public Builder after(@Nullable String cursor) {
      after = cursor;
      return this;
    }

    /** @return the query */
    public TicketQuery build() {
      return new TicketQuery(
          states, priorities, teams, tiers, assignee, unassigned, requester, organization, channels,
          tagsAll, createdFrom, createdBefore, slaStatuses, slaWarned, sort, limit, after);
    }
  }
}
