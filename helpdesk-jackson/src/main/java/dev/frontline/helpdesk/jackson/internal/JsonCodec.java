package dev.frontline.helpdesk.jackson.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketLink;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The explicit JSON mapping of every stored value, written by hand on Jackson's tree model so the
 * stored format does not depend on reflection over record components and survives refactorings.
 * {@link TicketChange} and {@link FieldValue} carry a {@code kind} discriminator; instants are
 * ISO-8601 strings ({@link Instant#toString()}); decimals are strings (scale preserved); enums are
 * their names. Thread-safe.
 */
public final class JsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonCodec() {}

  // ---------------------------------------------------------------- text

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StorageException("cannot serialize a stored value", e);
    }
  }

  static <T> T read(String json, Function<JsonNode, T> reader, String what) {
    try {
      return reader.apply(MAPPER.readTree(json));
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof StorageException s) {
        throw s;
      }
      throw new StorageException("cannot read a stored " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param t a ticket
   * @return its JSON text
   */
  public static String ticket(Ticket t) {
    return write(ticketNode(t));
  }

  /**
   * @param json JSON text
   * @return the ticket
   */
  public static Ticket ticket(String json) {
    return read(json, JsonCodec::readTicket, "ticket");
  }

  /**
   * @param e an event
   * @return its JSON text
   */
  public static String event(TicketEvent e) {
    return write(eventNode(e));
  }

  /**
   * @param json JSON text
   * @return the event
   */
  public static TicketEvent event(String json) {
    return read(json, JsonCodec::readEvent, "ticket event");
  }

  /**
   * @param c a change
   * @return its discriminator
   */
  public static String kind(TicketChange c) {
    return changeNode(c).get("kind").asText();
  }

  // ---------------------------------------------------------------- helpers

  private static ObjectNode obj() {
    return MAPPER.createObjectNode();
  }

  private static void put(ObjectNode n, String name, @Nullable Object value) {
    if (value == null) {
      n.putNull(name);
    } else if (value instanceof Instant i) {
      n.put(name, i.toString());
    } else if (value instanceof Enum<?> e) {
      n.put(name, e.name());
    } else if (value instanceof String s) {
      n.put(name, s);
    } else {
      n.put(name, value.toString());
    }
  }

  /** A required property; a missing one is a {@link StorageException} (stored data is broken). */
  static JsonNode req(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new StorageException("missing JSON property " + name);
    }
    return v;
  }

  /** A required property as text. */
  static String str(JsonNode n, String name) {
    return req(n, name).asText();
  }

  private static @Nullable String optStr(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode n, String name) {
    return Instant.parse(str(n, name));
  }

  private static @Nullable Instant optInstant(JsonNode n, String name) {
    String s = optStr(n, name);
    return s == null ? null : Instant.parse(s);
  }

  private static <E extends Enum<E>> E en(Class<E> type, JsonNode n, String name) {
    return Enum.valueOf(type, str(n, name));
  }

  private static <T> @Nullable T opt(JsonNode n, String name, Function<String, T> f) {
    String s = optStr(n, name);
    return s == null ? null : f.apply(s);
  }

  private static ArrayNode strings(Iterable<?> values) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Object v : values) {
      a.add(v.toString());
    }
    return a;
  }

  private static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    for (JsonNode e : req(n, name)) {
      out.add(f.apply(e));
    }
    return out;
  }

  // ---------------------------------------------------------------- ticket

  static ObjectNode ticketNode(Ticket t) {
    ObjectNode n = obj();
    put(n, "id", t.id().value());
    put(n, "key", t.key().toString());
    n.put("version", t.version());
    put(n, "subject", t.subject());
    put(n, "requester", t.requester().value());
    put(n, "organization", t.organization() == null ? null : t.organization().value());
    put(n, "channel", t.channel());
    put(n, "priority", t.priority());
    put(n, "type", t.type());
    put(n, "state", t.state());
    n.set("tags", strings(t.tags()));
    n.set("fields", fields(t.fields()));
    n.put("tier", t.tier());
    put(n, "team", t.team() == null ? null : t.team().value());
    put(n, "assignee", t.assignee() == null ? null : t.assignee().value());
    ArrayNode links = n.putArray("links");
    for (TicketLink l : t.links()) {
      links.add(link(l));
    }
    put(n, "mergedInto", t.mergedInto() == null ? null : t.mergedInto().value());
    put(n, "createdAt", t.createdAt());
    put(n, "updatedAt", t.updatedAt());
    put(n, "firstResponseAt", t.firstResponseAt());
    put(n, "solvedAt", t.solvedAt());
    put(n, "closedAt", t.closedAt());
    put(n, "lastCustomerMessageAt", t.lastCustomerMessageAt());
    put(n, "lastAgentReplyAt", t.lastAgentReplyAt());
    n.put("publicAgentReplies", t.publicAgentReplies());
    n.put("reopenCount", t.reopenCount());
    n.put("escalationCount", t.escalationCount());
    put(n, "nextDeadline", t.nextDeadline());
    n.set("sla", sla(t.sla()));
    return n;
  }

  private static ObjectNode sla(Map<SlaMetric, SlaMetricState> sla) {
    ObjectNode n = obj();
    for (Map.Entry<SlaMetric, SlaMetricState> e : new java.util.TreeMap<>(sla).entrySet()) {
      ObjectNode m = n.putObject(e.getKey().name());
      put(m, "status", e.getValue().status());
      m.put("warned", e.getValue().warned());
      put(m, "due", e.getValue().due());
      m.put("met", e.getValue().met());
      m.put("breached", e.getValue().breached());
    }
    return n;
  }

  private static Map<SlaMetric, SlaMetricState> readSla(@Nullable JsonNode n) {
    Map<SlaMetric, SlaMetricState> out = new java.util.EnumMap<>(SlaMetric.class);
    if (n != null && !n.isNull()) {
      n.properties().forEach(e -> {
        JsonNode v = e.getValue();
        SlaStatus status = en(SlaStatus.class, v, "status");
        boolean warned = req(v, "warned").asBoolean();
        Instant due = optInstant(v, "due");
        // states written before the cycle counts existed: the counts the status implies
        out.put(SlaMetric.valueOf(e.getKey()), v.has("met")
            ? new SlaMetricState(status, warned, due, req(v, "met").asInt(), req(v, "breached").asInt())
            : new SlaMetricState(status, warned, due));
      });
    }
    return out;
  }

  static Ticket readTicket(JsonNode n) {
    return new Ticket(
        new TicketId(str(n, "id")),
        TicketKey.parse(str(n, "key")),
        req(n, "version").asLong(),
        str(n, "subject"),
        new CustomerId(str(n, "requester")),
        opt(n, "organization", OrganizationId::new),
        en(Channel.class, n, "channel"),
        en(Priority.class, n, "priority"),
        en(TicketType.class, n, "type"),
        en(TicketState.class, n, "state"),
        new TreeSet<>(list(n, "tags", JsonNode::asText)),
        readFields(req(n, "fields")),
        req(n, "tier").asInt(),
        opt(n, "team", TeamId::new),
        opt(n, "assignee", AgentId::new),
        list(n, "links", JsonCodec::readLink),
        opt(n, "mergedInto", TicketId::new),
        instant(n, "createdAt"),
        instant(n, "updatedAt"),
        optInstant(n, "firstResponseAt"),
        optInstant(n, "solvedAt"),
        optInstant(n, "closedAt"),
        optInstant(n, "lastCustomerMessageAt"),
        optInstant(n, "lastAgentReplyAt"),
        req(n, "publicAgentReplies").asInt(),
        req(n, "reopenCount").asInt(),
        req(n, "escalationCount").asInt(),
        optInstant(n, "nextDeadline"),
        readSla(n.get("sla")));
  }

  private static ObjectNode link(TicketLink l) {
    ObjectNode n = obj();
    put(n, "type", l.type());
    put(n, "other", l.other().value());
    return n;
  }

  private static TicketLink readLink(JsonNode n) {
    return new TicketLink(en(LinkType.class, n, "type"), new TicketId(str(n, "other")));
  }

  private static ObjectNode fields(Map<String, FieldValue> fields) {
    ObjectNode n = obj();
    for (Map.Entry<String, FieldValue> e : new TreeMap<>(fields).entrySet()) {
      n.set(e.getKey(), fieldValue(e.getValue()));
    }
    return n;
  }

  private static SortedMap<String, FieldValue> readFields(JsonNode n) {
    SortedMap<String, FieldValue> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), readFieldValue(e.getValue()));
    }
    return out;
  }

  static @Nullable JsonNode optFieldValue(@Nullable FieldValue v) {
    return v == null ? null : fieldValue(v);
  }

  static ObjectNode fieldValue(FieldValue v) {
    ObjectNode n = obj();
    if (v instanceof FieldValue.Text t) {
      n.put("kind", "text");
      n.put("value", t.value());
    } else if (v instanceof FieldValue.Number num) {
      n.put("kind", "number");
      n.put("value", num.value().toString());
    } else if (v instanceof FieldValue.Bool b) {
      n.put("kind", "bool");
      n.put("value", b.value());
    } else if (v instanceof FieldValue.Date d) {
      n.put("kind", "date");
      n.put("value", d.value().toString());
    } else {
      throw new StorageException("unknown field value type " + v.getClass().getName());
    }
    return n;
  }

  static FieldValue readFieldValue(JsonNode n) {
    String kind = str(n, "kind");
    return switch (kind) {
      case "text" -> new FieldValue.Text(str(n, "value"));
      case "number" -> new FieldValue.Number(new BigDecimal(str(n, "value")));
      case "bool" -> new FieldValue.Bool(req(n, "value").asBoolean());
      case "date" -> new FieldValue.Date(LocalDate.parse(str(n, "value")));
      default -> throw new StorageException("unknown field value kind " + kind);
    };
  }

  private static @Nullable FieldValue optReadFieldValue(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : readFieldValue(v);
  }

  // ---------------------------------------------------------------- events

  static ObjectNode eventNode(TicketEvent e) {
    ObjectNode n = obj();
    put(n, "ticketId", e.ticketId().value());
    n.put("version", e.version());
    n.set("actor", author(e.actor()));
    put(n, "at", e.at());
    n.set("change", changeNode(e.change()));
    return n;
  }

  static TicketEvent readEvent(JsonNode n) {
    return new TicketEvent(
        new TicketId(str(n, "ticketId")),
        req(n, "version").asLong(),
        readAuthor(req(n, "actor")),
        instant(n, "at"),
        readChange(req(n, "change")));
  }

  private static ObjectNode author(Author a) {
    ObjectNode n = obj();
    put(n, "kind", a.kind());
    put(n, "id", a.id());
    return n;
  }

  private static Author readAuthor(JsonNode n) {
    return new Author(en(Author.Kind.class, n, "kind"), str(n, "id"));
  }

  private static ObjectNode entry(Entry e) {
    ObjectNode n = obj();
    put(n, "id", e.id().value());
    put(n, "kind", e.kind());
    n.set("author", author(e.author()));
    put(n, "channel", e.channel());
    put(n, "body", e.body());
    put(n, "at", e.at());
    ArrayNode atts = n.putArray("attachments");
    for (Attachment a : e.attachments()) {
      ObjectNode an = obj();
      put(an, "id", a.id().value());
      put(an, "fileName", a.fileName());
      put(an, "contentType", a.contentType());
      an.put("size", a.size());
      put(an, "blobKey", a.blobKey());
      atts.add(an);
    }
    return n;
  }

  private static Entry readEntry(JsonNode n) {
    return new Entry(
        new EntryId(str(n, "id")),
        en(EntryKind.class, n, "kind"),
        readAuthor(req(n, "author")),
        en(Channel.class, n, "channel"),
        str(n, "body"),
        instant(n, "at"),
        list(
            n,
            "attachments",
            a ->
                new Attachment(
                    new AttachmentId(str(a, "id")),
                    str(a, "fileName"),
                    str(a, "contentType"),
                    req(a, "size").asLong(),
                    str(a, "blobKey"))));
  }

  private static @Nullable String idOf(@Nullable Object typedId) {
    return typedId == null ? null : typedId.toString();
  }

  /**
   * The change with its {@code kind} discriminator. Written as an if-chain over the sealed
   * hierarchy (Java 17 has no pattern switch); the round-trip test checks that every permitted
   * subclass is covered.
   */
  static ObjectNode changeNode(TicketChange c) {
    ObjectNode n = obj();
    if (c instanceof TicketChange.Created x) {
      n.put("kind", "created");
      put(n, "key", x.key().toString());
      put(n, "subject", x.subject());
      put(n, "requester", x.requester().value());
      put(n, "organization", idOf(x.organization()));
      put(n, "channel", x.channel());
      put(n, "priority", x.priority());
      put(n, "type", x.type());
      n.set("tags", strings(x.tags()));
      n.set("fields", fields(x.fields()));
      n.put("tier", x.tier());
      put(n, "team", idOf(x.team()));
      put(n, "assignee", idOf(x.assignee()));
    } else if (c instanceof TicketChange.StateChanged x) {
      n.put("kind", "state_changed");
      put(n, "from", x.from());
      put(n, "to", x.to());
    } else if (c instanceof TicketChange.SubjectChanged x) {
      n.put("kind", "subject_changed");
      put(n, "from", x.from());
      put(n, "to", x.to());
    } else if (c instanceof TicketChange.PriorityChanged x) {
      n.put("kind", "priority_changed");
      put(n, "from", x.from());
      put(n, "to", x.to());
    } else if (c instanceof TicketChange.TypeChanged x) {
      n.put("kind", "type_changed");
      put(n, "from", x.from());
      put(n, "to", x.to());
    } else if (c instanceof TicketChange.TagsChanged x) {
      n.put("kind", "tags_changed");
      n.set("added", strings(new TreeSet<>(x.added())));
      n.set("removed", strings(new TreeSet<>(x.removed())));
    } else if (c instanceof TicketChange.FieldChanged x) {
      n.put("kind", "field_changed");
      put(n, "name", x.name());
      n.set("before", x.before() == null ? MAPPER.nullNode() : fieldValue(x.before()));
      n.set("after", x.after() == null ? MAPPER.nullNode() : fieldValue(x.after()));
    } else if (c instanceof TicketChange.Assigned x) {
      n.put("kind", "assigned");
      put(n, "fromTeam", idOf(x.fromTeam()));
      put(n, "toTeam", idOf(x.toTeam()));
      put(n, "fromAgent", idOf(x.fromAgent()));
      put(n, "toAgent", idOf(x.toAgent()));
    } else if (c instanceof TicketChange.TierChanged x) {
      n.put("kind", "tier_changed");
      n.put("fromTier", x.fromTier());
      n.put("toTier", x.toTier());
      put(n, "fromTeam", idOf(x.fromTeam()));
      put(n, "toTeam", idOf(x.toTeam()));
      put(n, "fromAgent", idOf(x.fromAgent()));
      put(n, "toAgent", idOf(x.toAgent()));
      put(n, "reason", x.reason());
      n.put("automatic", x.automatic());
    } else if (c instanceof TicketChange.EntryAdded x) {
      n.put("kind", "entry_added");
      n.set("entry", entry(x.entry()));
    } else if (c instanceof TicketChange.Linked x) {
      n.put("kind", "linked");
      n.set("link", link(x.link()));
    } else if (c instanceof TicketChange.Unlinked x) {
      n.put("kind", "unlinked");
      n.set("link", link(x.link()));
    } else if (c instanceof TicketChange.MergedInto x) {
      n.put("kind", "merged_into");
      put(n, "target", x.target().value());
      put(n, "from", x.from());
    } else if (c instanceof TicketChange.MergeReceived x) {
      n.put("kind", "merge_received");
      put(n, "source", x.source().value());
      ArrayNode entries = n.putArray("entries");
      for (Entry e : x.entries()) {
        entries.add(entry(e));
      }
    } else if (c instanceof TicketChange.DeadlineChanged x) {
      n.put("kind", "deadline_changed");
      put(n, "from", x.from());
      put(n, "to", x.to());
      put(n, "detail", x.detail());
      n.set("sla", sla(x.sla()));
    } else if (c instanceof TicketChange.EscalationStepFired x) {
      n.put("kind", "escalation_step_fired");
      put(n, "rule", x.rule());
      put(n, "step", x.step());
    } else if (c instanceof TicketChange.Custom x) {
      n.put("kind", "custom");
      put(n, "customKind", x.kind());
      ObjectNode data = n.putObject("data");
      new TreeMap<>(x.data()).forEach(data::put);
    } else {
      throw new StorageException("no JSON mapping for ticket change " + c.getClass().getName());
    }
    return n;
  }

  static TicketChange readChange(JsonNode n) {
    String kind = str(n, "kind");
    return switch (kind) {
      case "created" ->
          new TicketChange.Created(
              TicketKey.parse(str(n, "key")),
              str(n, "subject"),
              new CustomerId(str(n, "requester")),
              opt(n, "organization", OrganizationId::new),
              en(Channel.class, n, "channel"),
              en(Priority.class, n, "priority"),
              en(TicketType.class, n, "type"),
              new TreeSet<>(list(n, "tags", JsonNode::asText)),
              readFields(req(n, "fields")),
              req(n, "tier").asInt(),
              opt(n, "team", TeamId::new),
              opt(n, "assignee", AgentId::new));
      case "state_changed" ->
          new TicketChange.StateChanged(en(TicketState.class, n, "from"), en(TicketState.class, n, "to"));
      case "subject_changed" -> new TicketChange.SubjectChanged(str(n, "from"), str(n, "to"));
      case "priority_changed" ->
          new TicketChange.PriorityChanged(en(Priority.class, n, "from"), en(Priority.class, n, "to"));
      case "type_changed" ->
          new TicketChange.TypeChanged(en(TicketType.class, n, "from"), en(TicketType.class, n, "to"));
      case "tags_changed" ->
          new TicketChange.TagsChanged(
              new HashSet<>(list(n, "added", JsonNode::asText)),
              new HashSet<>(list(n, "removed", JsonNode::asText)));
      case "field_changed" ->
          new TicketChange.FieldChanged(
              str(n, "name"), optReadFieldValue(n, "before"), optReadFieldValue(n, "after"));
      case "assigned" ->
          new TicketChange.Assigned(
              opt(n, "fromTeam", TeamId::new),
              opt(n, "toTeam", TeamId::new),
              opt(n, "fromAgent", AgentId::new),
              opt(n, "toAgent", AgentId::new));
      case "tier_changed" ->
          new TicketChange.TierChanged(
              req(n, "fromTier").asInt(),
              req(n, "toTier").asInt(),
              opt(n, "fromTeam", TeamId::new),
              opt(n, "toTeam", TeamId::new),
              opt(n, "fromAgent", AgentId::new),
              opt(n, "toAgent", AgentId::new),
              str(n, "reason"),
              req(n, "automatic").asBoolean());
      case "entry_added" -> new TicketChange.EntryAdded(readEntry(req(n, "entry")));
      case "linked" -> new TicketChange.Linked(readLink(req(n, "link")));
      case "unlinked" -> new TicketChange.Unlinked(readLink(req(n, "link")));
      case "merged_into" ->
          new TicketChange.MergedInto(new TicketId(str(n, "target")), en(TicketState.class, n, "from"));
      case "merge_received" ->
          new TicketChange.MergeReceived(
              new TicketId(str(n, "source")), list(n, "entries", JsonCodec::readEntry));
      case "deadline_changed" ->
          new TicketChange.DeadlineChanged(optInstant(n, "from"), optInstant(n, "to"), str(n, "detail"), readSla(n.get("sla")));
      case "escalation_step_fired" -> new TicketChange.EscalationStepFired(str(n, "rule"), str(n, "step"));
      case "custom" -> {
        Map<String, String> data = new LinkedHashMap<>();
        req(n, "data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
        yield new TicketChange.Custom(str(n, "customKind"), data);
      }
      default -> throw new StorageException("unknown ticket change kind " + kind);
    };
  }

  // ---------------------------------------------------------------- directory

  /**
   * @param a an agent
   * @return JSON text
   */
  public static String agent(Agent a) {
    ObjectNode n = obj();
    put(n, "id", a.id().value());
    put(n, "name", a.name());
    put(n, "email", a.email());
    n.set("roles", strings(new TreeSet<>(a.roles())));
    ObjectNode teams = n.putObject("teams");
    new TreeMap<>(a.teams()).forEach((k, v) -> teams.put(k.value(), v.name()));
    n.set("skills", strings(new TreeSet<>(a.skills())));
    ArrayNode langs = n.putArray("languages");
    a.languages().stream().map(Locale::toLanguageTag).sorted().forEach(langs::add);
    n.put("active", a.active());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the agent
   */
  public static Agent agent(String json) {
    return read(
        json,
        n -> {
          Map<TeamId, TeamAccess> teams = new HashMap<>();
          req(n, "teams")
              .properties()
              .forEach(e -> teams.put(new TeamId(e.getKey()), TeamAccess.valueOf(e.getValue().asText())));
          return new Agent(
              new AgentId(str(n, "id")),
              str(n, "name"),
              str(n, "email"),
              Set.copyOf(list(n, "roles", JsonNode::asText)),
              teams,
              Set.copyOf(list(n, "skills", JsonNode::asText)),
              Set.copyOf(list(n, "languages", l -> Locale.forLanguageTag(l.asText()))),
              req(n, "active").asBoolean());
        },
        "agent");
  }

  /**
   * @param t a team
   * @return JSON text
   */
  public static String team(Team t) {
    ObjectNode n = obj();
    put(n, "id", t.id().value());
    put(n, "name", t.name());
    n.put("tier", t.tier());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the team
   */
  public static Team team(String json) {
    return read(json, n -> new Team(new TeamId(str(n, "id")), str(n, "name"), req(n, "tier").asInt()), "team");
  }

  /**
   * @param t a tier
   * @return JSON text
   */
  public static String tier(SupportTier t) {
    ObjectNode n = obj();
    n.put("level", t.level());
    put(n, "name", t.name());
    put(n, "defaultTeam", idOf(t.defaultTeam()));
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the tier
   */
  public static SupportTier tier(String json) {
    return read(
        json,
        n -> new SupportTier(req(n, "level").asInt(), str(n, "name"), opt(n, "defaultTeam", TeamId::new)),
        "tier");
  }

  /**
   * @param r a role
   * @return JSON text
   */
  public static String role(Role r) {
    ObjectNode n = obj();
    put(n, "name", r.name());
    ArrayNode perms = n.putArray("permissions");
    (r.permissions().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(r.permissions()))
        .forEach(p -> perms.add(p.name()));
    put(n, "scope", r.scope());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the role
   */
  public static Role role(String json) {
    return read(
        json,
        n ->
            new Role(
                str(n, "name"),
                Set.copyOf(list(n, "permissions", p -> Permission.valueOf(p.asText()))),
                en(Scope.class, n, "scope")),
        "role");
  }

  /**
   * @param c a customer
   * @return JSON text
   */
  public static String customer(Customer c) {
    ObjectNode n = obj();
    put(n, "id", c.id().value());
    put(n, "name", c.name());
    put(n, "email", c.email());
    put(n, "organization", idOf(c.organization()));
    n.put("seesOrganizationTickets", c.seesOrganizationTickets());
    if (c.locale() != null) {
      put(n, "locale", c.locale().toLanguageTag());
    }
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the customer
   */
  public static Customer customer(String json) {
    return read(
        json,
        n ->
            new Customer(
                new CustomerId(str(n, "id")),
                str(n, "name"),
                optStr(n, "email"),
                opt(n, "organization", OrganizationId::new),
                req(n, "seesOrganizationTickets").asBoolean(),
                opt(n, "locale", java.util.Locale::forLanguageTag)),
        "customer");
  }

  /**
   * @param o an organization
   * @return JSON text
   */
  public static String organization(Organization o) {
    ObjectNode n = obj();
    put(n, "id", o.id().value());
    put(n, "name", o.name());
    n.put("sharesTickets", o.sharesTickets());
    n.put("vip", o.vip());
    put(n, "plan", o.plan());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the organization
   */
  public static Organization organization(String json) {
    return read(
        json,
        n ->
            new Organization(
                new OrganizationId(str(n, "id")),
                str(n, "name"),
                req(n, "sharesTickets").asBoolean(),
                req(n, "vip").asBoolean(),
                str(n, "plan")),
        "organization");
  }

  // ---------------------------------------------------------------- knowledge, intake, assets

  /**
   * @param a an article
   * @return JSON text
   */
  public static String article(dev.frontline.helpdesk.knowledge.Article a) {
    ObjectNode n = obj();
    put(n, "id", a.id().value());
    put(n, "locale", a.locale().toLanguageTag());
    put(n, "title", a.title());
    put(n, "body", a.body());
    put(n, "bodyFormat", a.bodyFormat());
    put(n, "summary", a.summary());
    n.set("categoryPath", strings(a.categoryPath()));
    n.set("tags", strings(new TreeSet<>(a.tags())));
    put(n, "visibility", a.visibility().level());
    n.set("visibilityTeams", strings(new TreeSet<>(a.visibility().teams().stream().map(TeamId::value).toList())));
    put(n, "status", a.status());
    put(n, "translationGroup", a.translationGroup());
    n.put("revision", a.revision());
    put(n, "author", a.author());
    put(n, "updatedAt", a.updatedAt());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the article
   */
  public static dev.frontline.helpdesk.knowledge.Article article(String json) {
    return read(
        json,
        n ->
            new dev.frontline.helpdesk.knowledge.Article(
                dev.frontline.helpdesk.knowledge.ArticleId.of(str(n, "id")),
                Locale.forLanguageTag(str(n, "locale")),
                str(n, "title"),
                str(n, "body"),
                en(dev.frontline.helpdesk.knowledge.BodyFormat.class, n, "bodyFormat"),
                optStr(n, "summary"),
                list(n, "categoryPath", JsonNode::asText),
                new java.util.LinkedHashSet<>(list(n, "tags", JsonNode::asText)),
                new dev.frontline.helpdesk.knowledge.ArticleVisibility(
                    en(dev.frontline.helpdesk.knowledge.ArticleVisibility.Level.class, n, "visibility"),
                    Set.copyOf(list(n, "visibilityTeams", t -> new TeamId(t.asText())))),
                en(dev.frontline.helpdesk.knowledge.ArticleStatus.class, n, "status"),
                str(n, "translationGroup"),
                req(n, "revision").asLong(),
                str(n, "author"),
                instant(n, "updatedAt")),
        "article");
  }

  /**
   * @param i an interaction
   * @return JSON text
   */
  public static String interaction(dev.frontline.helpdesk.intake.Interaction i) {
    ObjectNode n = obj();
    put(n, "id", i.id().value());
    put(n, "channel", i.channel());
    put(n, "customer", i.customer().value());
    put(n, "agent", i.agent() == null ? null : i.agent().value());
    put(n, "startedAt", i.startedAt());
    put(n, "endedAt", i.endedAt());
    put(n, "identity", i.identity());
    put(n, "disposition", i.disposition());
    put(n, "recording", i.recording());
    put(n, "ticket", i.ticket() == null ? null : i.ticket().value());
    put(n, "summary", i.summary());
    put(n, "recordedBy", i.recordedBy());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the interaction
   */
  public static dev.frontline.helpdesk.intake.Interaction interaction(String json) {
    return read(
        json,
        n ->
            new dev.frontline.helpdesk.intake.Interaction(
                dev.frontline.helpdesk.intake.InteractionId.of(str(n, "id")),
                en(Channel.class, n, "channel"),
                CustomerId.of(str(n, "customer")),
                opt(n, "agent", AgentId::of),
                instant(n, "startedAt"),
                instant(n, "endedAt"),
                en(dev.frontline.helpdesk.intake.IdentityCheck.class, n, "identity"),
                en(dev.frontline.helpdesk.intake.Disposition.class, n, "disposition"),
                en(dev.frontline.helpdesk.intake.Recording.class, n, "recording"),
                opt(n, "ticket", TicketId::of),
                str(n, "summary"),
                str(n, "recordedBy")),
        "interaction");
  }

  /**
   * @param a an asset
   * @return JSON text
   */
  public static String asset(dev.frontline.helpdesk.asset.Asset a) {
    ObjectNode n = obj();
    put(n, "id", a.id().value());
    put(n, "name", a.name());
    put(n, "type", a.type());
    put(n, "serial", a.serial());
    put(n, "status", a.status());
    put(n, "customer", a.customer() == null ? null : a.customer().value());
    put(n, "organization", a.organization() == null ? null : a.organization().value());
    return write(n);
  }

  /**
   * @param json JSON text
   * @return the asset
   */
  public static dev.frontline.helpdesk.asset.Asset asset(String json) {
    return read(
        json,
        n ->
            new dev.frontline.helpdesk.asset.Asset(
                dev.frontline.helpdesk.asset.AssetId.of(str(n, "id")),
                str(n, "name"),
                str(n, "type"),
                str(n, "serial"),
                en(dev.frontline.helpdesk.asset.AssetStatus.class, n, "status"),
                opt(n, "customer", CustomerId::of),
                opt(n, "organization", OrganizationId::of)),
        "asset");
  }
}
