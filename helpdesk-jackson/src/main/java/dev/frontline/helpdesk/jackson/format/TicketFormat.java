package dev.frontline.helpdesk.jackson.format;

import static dev.frontline.helpdesk.jackson.internal.Json.en;
import static dev.frontline.helpdesk.jackson.internal.Json.instant;
import static dev.frontline.helpdesk.jackson.internal.Json.list;
import static dev.frontline.helpdesk.jackson.internal.Json.opt;
import static dev.frontline.helpdesk.jackson.internal.Json.optInstant;
import static dev.frontline.helpdesk.jackson.internal.Json.put;
import static dev.frontline.helpdesk.jackson.internal.Json.req;
import static dev.frontline.helpdesk.jackson.internal.Json.str;
import static dev.frontline.helpdesk.jackson.internal.Json.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.jackson.internal.Json;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The stored format of the ticket aggregate: the snapshot ({@link Ticket}) and each event of its
 * history ({@link TicketEvent}, one document per event). Every {@link TicketChange} carries a
 * {@code kind} discriminator ({@link #changeKind}, e.g. {@code state_changed}) and every custom
 * field value one ({@code text}, {@code number}, {@code bool}, {@code date}); instants are ISO-8601
 * strings, decimals strings (scale kept), enums their names, maps and sets in sorted order, so the
 * same value always gives the same text.
 *
 * <pre>{@code
 * {"v":1,"id":"t1","key":"HD-1","version":3,"subject":"Printer","requester":"c1",...}
 * {"v":1,"ticketId":"t1","version":2,"actor":{"kind":"AGENT","id":"a1"},"at":"...",
 *  "change":{"kind":"state_changed","from":"NEW","to":"OPEN"}}
 * }</pre>
 *
 * <p>Documents carry their format version ({@code "v"}); see the package documentation for the
 * compatibility rules. Reading fails with a {@link StorageException} on anything that is not a
 * valid document (a {@link FormatVersionException} for an unknown version). Stateless and
 * thread-safe.
 */
public final class TicketFormat {
  /** The format version this release writes, and the newest it reads. */
  public static final int VERSION = Documents.CURRENT;

  private TicketFormat() {}

  /**
   * @param ticket a snapshot
   * @return its stored document
   */
  public static String writeTicket(Ticket ticket) {
    return Json.text(ticketNode(ticket));
  }

  /**
   * @param json a stored snapshot document of any version this release reads
   * @return the snapshot
   * @throws FormatVersionException if the document is of a newer version
   * @throws StorageException if it is not a valid snapshot
   */
  public static Ticket readTicket(String json) {
    return Documents.read(json, "ticket", TicketFormat::readTicketNode);
  }

  /**
   * @param event an event
   * @return its stored document
   */
  public static String writeEvent(TicketEvent event) {
    ObjectNode n = Documents.document();
    put(n, "ticketId", event.ticketId().value());
    n.put("version", event.version());
    n.set("actor", author(event.actor()));
    put(n, "at", event.at());
    n.set("change", changeNode(event.change()));
    return Json.text(n);
  }

  /**
   * @param json a stored event document of any version this release reads
   * @return the event
   * @throws FormatVersionException if the document is of a newer version
   * @throws StorageException if it is not a valid event
   */
  public static TicketEvent readEvent(String json) {
    return Documents.read(
        json,
        "ticket event",
        n ->
            new TicketEvent(
                new TicketId(str(n, "ticketId")),
                req(n, "version").asLong(),
                readAuthor(req(n, "actor")),
                instant(n, "at"),
                readChange(req(n, "change"))));
  }

  /**
   * @param change a change
   * @return its {@code kind} discriminator in the stored format, e.g. {@code state_changed}
   */
  public static String changeKind(TicketChange change) {
    return changeNode(change).get("kind").asText();
  }

  // ---------------------------------------------------------------- snapshot

  private static ObjectNode ticketNode(Ticket t) {
    ObjectNode n = Documents.document();
    put(n, "id", t.id().value());
    put(n, "key", t.key().toString());
    n.put("version", t.version());
    put(n, "subject", t.subject());
    put(n, "requester", t.requester().value());
    put(n, "organization", idOf(t.organization()));
    put(n, "channel", t.channel());
    put(n, "priority", t.priority());
    put(n, "type", t.type());
    put(n, "state", t.state());
    n.set("tags", strings(t.tags()));
    n.set("fields", fields(t.fields()));
    n.put("tier", t.tier());
    put(n, "team", idOf(t.team()));
    put(n, "assignee", idOf(t.assignee()));
    ArrayNode links = n.putArray("links");
    for (TicketLink l : t.links()) {
      links.add(link(l));
    }
    put(n, "mergedInto", idOf(t.mergedInto()));
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

  private static Ticket readTicketNode(JsonNode n) {
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
        list(n, "links", TicketFormat::readLink),
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

  private static ObjectNode sla(Map<SlaMetric, SlaMetricState> sla) {
    ObjectNode n = Json.obj();
    for (Map.Entry<SlaMetric, SlaMetricState> e : new TreeMap<>(sla).entrySet()) {
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
    Map<SlaMetric, SlaMetricState> out = new EnumMap<>(SlaMetric.class);
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

  private static ObjectNode link(TicketLink l) {
    ObjectNode n = Json.obj();
    put(n, "type", l.type());
    put(n, "other", l.other().value());
    return n;
  }

  private static TicketLink readLink(JsonNode n) {
    return new TicketLink(en(LinkType.class, n, "type"), new TicketId(str(n, "other")));
  }

  private static ObjectNode fields(Map<String, FieldValue> fields) {
    ObjectNode n = Json.obj();
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

  /** A custom field value with its {@code kind}; also used by the definitions' documents. */
  static ObjectNode fieldValue(FieldValue v) {
    ObjectNode n = Json.obj();
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

  /** Reads what {@link #fieldValue} writes. */
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

  private static ObjectNode author(Author a) {
    ObjectNode n = Json.obj();
    put(n, "kind", a.kind());
    put(n, "id", a.id());
    return n;
  }

  private static Author readAuthor(JsonNode n) {
    return new Author(en(Author.Kind.class, n, "kind"), str(n, "id"));
  }

  private static ObjectNode entry(Entry e) {
    ObjectNode n = Json.obj();
    put(n, "id", e.id().value());
    put(n, "kind", e.kind());
    n.set("author", author(e.author()));
    put(n, "channel", e.channel());
    put(n, "body", e.body());
    put(n, "at", e.at());
    ArrayNode atts = n.putArray("attachments");
    for (Attachment a : e.attachments()) {
      ObjectNode an = Json.obj();
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

  /** A typed id's value (their {@code toString()}), or null. */
  private static @Nullable String idOf(@Nullable Object typedId) {
    return typedId == null ? null : typedId.toString();
  }

  /**
   * The change with its {@code kind} discriminator. Written as an if-chain over the sealed
   * hierarchy (Java 17 has no pattern switch); the round-trip test checks that every permitted
   * subclass is covered.
   */
  private static ObjectNode changeNode(TicketChange c) {
    ObjectNode n = Json.obj();
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
      n.set("before", x.before() == null ? Json.MAPPER.nullNode() : fieldValue(x.before()));
      n.set("after", x.after() == null ? Json.MAPPER.nullNode() : fieldValue(x.after()));
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

  private static TicketChange readChange(JsonNode n) {
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
              new TicketId(str(n, "source")), list(n, "entries", TicketFormat::readEntry));
      case "deadline_changed" ->
          new TicketChange.DeadlineChanged(
              optInstant(n, "from"), optInstant(n, "to"), str(n, "detail"), readSla(n.get("sla")));
      case "escalation_step_fired" -> new TicketChange.EscalationStepFired(str(n, "rule"), str(n, "step"));
      case "custom" -> {
        Map<String, String> data = new LinkedHashMap<>();
        req(n, "data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
        yield new TicketChange.Custom(str(n, "customKind"), data);
      }
      default -> throw new StorageException("unknown ticket change kind " + kind);
    };
  }
}
