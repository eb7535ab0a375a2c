package dev.frontline.helpdesk.ticket;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A command to open a ticket with its first message. Fields are explicit: there is no way to set
 * anything else (state, version, timestamps) at creation. Agent-only fields (priority, type, tier,
 * team, assignee, tags, custom fields) are rejected when a customer creates the ticket, unless they
 * are left at their defaults. Build with {@link #builder}.
 *
 * @param subject single-line subject
 * @param requester the customer the ticket is for
 * @param message the first message (public, written by the acting principal)
 * @param priority priority
 * @param type type
 * @param tags tags (lower-cased)
 * @param fields custom fields
 * @param tier support tier
 * @param team team; when null and no assignee is given, tickets opened by customers or the system
 *     principal land in the tier's default team, tickets opened by agents have no team
 * @param assignee assignee
 */
public record NewTicket(
    String subject,
    CustomerId requester,
    Message message,
    Priority priority,
    TicketType type,
    Set<String> tags,
    Map<String, FieldValue> fields,
    int tier,
    @Nullable TeamId team,
    @Nullable AgentId assignee) {

  /** Validates and copies. */
  public NewTicket {
    Checks.line(subject, "subject", Ticket.MAX_SUBJECT);
    Checks.notNull(requester, "requester");
    Checks.notNull(message, "message");
    Checks.notNull(priority, "priority");
    Checks.notNull(type, "type");
    Set<String> t = new TreeSet<>();
    for (String tag : Checks.elements(tags, "tags", 100)) {
      t.add(Tags.normalize(tag));
    }
    tags = Set.copyOf(t);
    Checks.notNull(fields, "fields");
    Checks.require(fields.size() <= 200, "at most 200 custom fields");
    fields.forEach((k, v) -> {
      Checks.identifier(k, "field name");
      Checks.notNull(v, "field value");
    });
    fields = Map.copyOf(new TreeMap<>(fields));
    Checks.require(tier >= 1 && tier <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER);
  }

  /** @return whether any agent-only field differs from its default */
  public boolean setsAgentFields() {
    return priority != Priority.NORMAL
        || type != TicketType.QUESTION
        || !tags.isEmpty()
        || !fields.isEmpty()
        || tier != 1
        || team != null
        || assignee != null;
  }

  /**
   * @param subject the subject
   * @param requester the customer
   * @param message the first message
   * @return a builder with defaults: NORMAL, QUESTION, tier 1, no team, no assignee
   */
  public static Builder builder(String subject, CustomerId requester, Message message) {
    return new Builder(subject, requester, message);
  }

  /** Builds {@link NewTicket}s. Not thread-safe. */
  public static final class Builder {
    private final String subject;
    private final CustomerId requester;
    private final Message message;
    private Priority priority = Priority.NORMAL;
    private TicketType type = TicketType.QUESTION;
    private Set<String> tags = Set.of();
    private Map<String, FieldValue> fields = Map.of();
    private int tier = 1;
    private @Nullable TeamId team;
    private @Nullable AgentId assignee;

    private Builder(String subject, CustomerId requester, Message message) {
      this.subject = subject;
      this.requester = requester;
      this.message = message;
    }

    /**
     * @param p priority
     * @return this
     */
    public Builder priority(Priority p) {
      priority = p;
      return this;
    }

    /**
     * @param t type
     * @return this
     */
    public Builder type(TicketType t) {
      type = t;
      return this;
    }

    /**
     * @param t tags
     * @return this
     */
    public Builder tags(String... t) {
      tags = Set.of(t);
      return this;
    }

    /**
     * @param f custom fields
     * @return this
     */
    public Builder fields(Map<String, FieldValue> f) {
      fields = f;
      return this;
    }

    /**
     * @param t tier
     * @return this
     */
    public Builder tier(int t) {
      tier = t;
      return this;
    }

    /**
     * @param t team
     * @return this
     */
    public Builder team(@Nullable TeamId t) {
      team = t;
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

    /** @return the command */
    public NewTicket build() {
      return new NewTicket(subject, requester, message, priority, type, tags, fields, tier, team, assignee);
    }
  }
}
