package dev.frontline.helpdesk.jackson.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.automation.Action;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.Condition;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.Recipient;
import dev.frontline.helpdesk.automation.Rule;
import dev.frontline.helpdesk.automation.Template;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEvent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.jackson.DefinitionFormatException;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The explicit JSON mapping of automation definitions ({@link Macro}, {@link Trigger}, {@link
 * Automation}) with their {@link Rule}s and {@link Action}s, written by hand on Jackson's tree model
 * like the other stored documents. Every object has a {@code kind}; the top-level object has the {@code
 * format} version ({@value #FORMAT}); enums are their names, durations ISO-8601 ({@code PT72H}),
 * locales BCP 47 language tags, templates their text, field values as in {@link TicketFormat}. Output
 * is deterministic (sets in declaration order, replies by language tag). Reading fails with {@link
 * DefinitionFormatException} on anything it does not know. Thread-safe.
 */
final class DefinitionDocuments {
  /** The format version written, and the highest read. */
  static final int FORMAT = 1;

  static final ObjectMapper MAPPER = new ObjectMapper();

  private DefinitionDocuments() {}

  // ---------------------------------------------------------------- text

  /**
   * @param d a storable definition
   * @return its JSON object
   * @throws dev.frontline.helpdesk.ValidationException if it is null or not storable
   */
  static String write(AutomationDefinition d) {
    return text(definition(d, true));
  }

  /**
   * @param json a JSON object
   * @return the definition
   * @throws DefinitionFormatException if it is not a definition this version reads
   */
  static AutomationDefinition read(String json) {
    JsonNode n = parse(json);
    return wrap(() -> readDefinition(n, true));
  }

  /**
   * @param definitions storable definitions
   * @return one JSON object holding them in order
   */
  static String writeAll(List<? extends AutomationDefinition> definitions) {
    Checks.elements(definitions, "definitions", 100_000);
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", FORMAT);
    ArrayNode a = n.putArray("definitions");
    definitions.forEach(d -> a.add(definition(d, false)));
    return text(n);
  }

  /**
   * @param json a JSON object as written by {@link #writeAll}
   * @return the definitions in order
   * @throws DefinitionFormatException if it or any definition in it cannot be read
   */
  static List<AutomationDefinition> readAll(String json) {
    JsonNode n = parse(json);
    return wrap(() -> {
      format(n);
      List<AutomationDefinition> out = new ArrayList<>();
      int i = 0;
      for (JsonNode e : array(n, "definitions")) {
        int index = i++;
        out.add(within("definition " + (index + 1), () -> readDefinition(e, false)));
      }
      return List.copyOf(out);
    });
  }

  private static String text(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      throw new DefinitionFormatException("definition JSON must not be null");
    }
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || !n.isObject()) {
        throw new DefinitionFormatException("a definition is a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new DefinitionFormatException("malformed definition JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reading: every failure becomes a {@link DefinitionFormatException}. */
  private static <T> T wrap(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (DefinitionFormatException e) {
      throw e;
    } catch (HelpdeskException | IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      throw new DefinitionFormatException("invalid definition: " + e.getMessage(), e);
    }
  }

  private static <T> T within(String where, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (DefinitionFormatException e) {
      throw new DefinitionFormatException(where + ": " + e.getMessage(), e);
    } catch (HelpdeskException | IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      throw new DefinitionFormatException(where + ": invalid definition: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- reading helpers

  static JsonNode req(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw new DefinitionFormatException("missing JSON property " + name);
    }
    return v;
  }

  static String str(JsonNode n, String name) {
    JsonNode v = req(n, name);
    if (!v.isTextual()) {
      throw new DefinitionFormatException("JSON property " + name + " must be a string");
    }
    return v.asText();
  }

  static int integer(JsonNode n, String name) {
    JsonNode v = req(n, name);
    if (!v.isInt()) {
      throw new DefinitionFormatException("JSON property " + name + " must be an integer");
    }
    return v.intValue();
  }

  static JsonNode array(JsonNode n, String name) {
    JsonNode v = req(n, name);
    if (!v.isArray()) {
      throw new DefinitionFormatException("JSON property " + name + " must be an array");
    }
    return v;
  }

  static <E extends Enum<E>> E en(Class<E> type, JsonNode n, String name) {
    String s = str(n, name);
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new DefinitionFormatException("unknown " + name + " " + s + "; known: " + EnumSet.allOf(type));
    }
  }

  static <E extends Enum<E>> Set<E> enums(Class<E> type, JsonNode n, String name) {
    Set<E> out = EnumSet.noneOf(type);
    for (JsonNode e : array(n, name)) {
      if (!e.isTextual()) {
        throw new DefinitionFormatException(name + " must be strings");
      }
      try {
        out.add(Enum.valueOf(type, e.asText()));
      } catch (IllegalArgumentException ex) {
        throw new DefinitionFormatException("unknown " + type.getSimpleName() + " " + e.asText() + "; known: " + EnumSet.allOf(type));
      }
    }
    return out;
  }

  static <T> List<T> list(JsonNode n, String name, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>();
    for (JsonNode e : array(n, name)) {
      out.add(f.apply(e));
    }
    return out;
  }

  private static void format(JsonNode n) {
    int v = integer(n, "format");
    if (v < 1 || v > FORMAT) {
      throw new DefinitionFormatException("unsupported definition format " + v + "; this version reads format 1 to " + FORMAT);
    }
  }

  static ArrayNode names(Set<? extends Enum<?>> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.stream().sorted(Comparator.comparingInt(Enum::ordinal)).forEach(v -> a.add(v.name()));
    return a;
  }

  // ---------------------------------------------------------------- definitions

  private static ObjectNode definition(AutomationDefinition d, boolean withFormat) {
    Checks.notNull(d, "definition");
    d.requireStorable();
    ObjectNode n = MAPPER.createObjectNode();
    if (withFormat) {
      n.put("format", FORMAT);
    }
    n.put("kind", d.kind().label());
    n.put("name", d.name());
    if (d instanceof Macro m) {
      n.put("title", m.title());
      ArrayNode changes = n.putArray("changes");
      m.changes().forEach(a -> changes.add(action(a)));
      ObjectNode replies = n.putObject("replies");
      m.replies().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Locale::toLanguageTag)))
          .forEach(e -> replies.put(e.getKey().toLanguageTag(), e.getValue().text()));
      n.put("defaultLocale", m.defaultLocale().toLanguageTag());
    } else if (d instanceof Trigger t) {
      n.put("event", t.event().name());
      conditions(n, t.conditions());
      actions(n, t.actions());
    } else if (d instanceof Automation a) {
      n.put("state", a.state().name());
      n.put("after", a.after().toString());
      conditions(n, a.conditions());
      actions(n, a.actions());
    } else if (d instanceof EscalationRule r) {
      n.set("trigger", EscalationDocuments.trigger(r.trigger()));
      n.set("conditions", EscalationDocuments.conditions(r.conditions()));
      ArrayNode acts = n.putArray("actions");
      r.actions().forEach(x -> acts.add(EscalationDocuments.action(x)));
    }
    return n;
  }

  static int tier(JsonNode e) {
    if (!e.isIntegralNumber() || !e.canConvertToInt()) {
      throw new DefinitionFormatException("tiers must be integers");
    }
    return e.asInt();
  }

  private static void conditions(ObjectNode n, List<Condition> conditions) {
    ArrayNode a = n.putArray("conditions");
    conditions.forEach(c -> a.add(rule((Rule) c)));
  }

  private static void actions(ObjectNode n, List<Action> actions) {
    ArrayNode a = n.putArray("actions");
    actions.forEach(x -> a.add(action(x)));
  }

  private static AutomationDefinition readDefinition(JsonNode n, boolean withFormat) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("a definition is a JSON object");
    }
    if (withFormat) {
      format(n);
    }
    String kind = str(n, "kind");
    String name = str(n, "name");
    return switch (kind) {
      case "macro" -> {
        Map<Locale, Template> replies = new HashMap<>();
        JsonNode r = req(n, "replies");
        if (!r.isObject()) {
          throw new DefinitionFormatException("replies must be an object of language tag to text");
        }
        r.properties().forEach(e -> {
          if (!e.getValue().isTextual()) {
            throw new DefinitionFormatException("reply " + e.getKey() + " must be a string");
          }
          replies.put(locale(e.getKey()), Template.of(e.getValue().asText()));
        });
        yield new Macro(name, str(n, "title"), list(n, "changes", DefinitionDocuments::readAction), replies, locale(str(n, "defaultLocale")));
      }
      case "trigger" -> new Trigger(name, en(TriggerEvent.class, n, "event"), readConditions(n), list(n, "actions", DefinitionDocuments::readAction));
      case "automation" -> new Automation(name, en(TicketState.class, n, "state"), Duration.parse(str(n, "after")), readConditions(n),
          list(n, "actions", DefinitionDocuments::readAction));
      case "escalation_rule" -> new EscalationRule(name, EscalationDocuments.readTrigger(req(n, "trigger")), EscalationDocuments.readConditions(req(n, "conditions")),
          list(n, "actions", EscalationDocuments::readAction));
      default -> throw new DefinitionFormatException("unknown definition kind " + kind + "; known: macro, trigger, automation, escalation_rule");
    };
  }

  private static Locale locale(String tag) {
    Locale l = Locale.forLanguageTag(tag);
    if (l.toLanguageTag().equals("und") || !l.toLanguageTag().equalsIgnoreCase(tag)) {
      throw new DefinitionFormatException("not a well-formed language tag: " + tag);
    }
    return l;
  }

  private static List<Condition> readConditions(JsonNode n) {
    return list(n, "conditions", e -> readRule(e, 1));
  }

  // ---------------------------------------------------------------- rules

  static ObjectNode rule(Rule r) {
    ObjectNode n = MAPPER.createObjectNode();
    if (r instanceof Rule.StateIn s) {
      n.put("kind", "state_in");
      n.set("states", names(s.states()));
    } else if (r instanceof Rule.PriorityIn p) {
      n.put("kind", "priority_in");
      n.set("priorities", names(p.priorities()));
    } else if (r instanceof Rule.HasTag t) {
      n.put("kind", "has_tag");
      n.put("tag", t.tag());
    } else if (r instanceof Rule.LacksTag t) {
      n.put("kind", "lacks_tag");
      n.put("tag", t.tag());
    } else if (r instanceof Rule.ChannelIn c) {
      n.put("kind", "channel_in");
      n.set("channels", names(c.channels()));
    } else if (r instanceof Rule.TypeIs t) {
      n.put("kind", "type_is");
      n.put("type", t.type().name());
    } else if (r instanceof Rule.TierIs t) {
      n.put("kind", "tier_is");
      n.put("tier", t.tier());
    } else if (r instanceof Rule.TeamIs t) {
      n.put("kind", "team_is");
      n.put("team", t.team().value());
    } else if (r instanceof Rule.Unassigned) {
      n.put("kind", "unassigned");
    } else if (r instanceof Rule.AssigneeIs a) {
      n.put("kind", "assignee_is");
      n.put("agent", a.agent().value());
    } else if (r instanceof Rule.OrganizationIn o) {
      n.put("kind", "organization_in");
      ArrayNode a = n.putArray("organizations");
      o.organizations().stream().map(x -> x.value()).sorted().forEach(a::add);
    } else if (r instanceof Rule.RequesterIs q) {
      n.put("kind", "requester_is");
      n.put("customer", q.customer().value());
    } else if (r instanceof Rule.FieldEquals f) {
      n.put("kind", "field_equals");
      n.put("field", f.field());
      n.set("value", TicketFormat.fieldValue(f.value()));
    } else if (r instanceof Rule.TagIn t) {
      n.put("kind", "tag_in");
      ArrayNode a = n.putArray("tags");
      t.tags().stream().sorted().forEach(a::add);
    } else if (r instanceof Rule.TypeIn t) {
      n.put("kind", "type_in");
      n.set("types", names(t.types()));
    } else if (r instanceof Rule.TierIn t) {
      n.put("kind", "tier_in");
      ArrayNode a = n.putArray("tiers");
      t.tiers().stream().sorted().forEach(a::add);
    } else if (r instanceof Rule.PriorityAtLeast p) {
      n.put("kind", "priority_at_least");
      n.put("priority", p.priority().name());
    } else if (r instanceof Rule.VipOrganization) {
      n.put("kind", "vip_organization");
    } else if (r instanceof Rule.PlanIn p) {
      n.put("kind", "plan_in");
      ArrayNode a = n.putArray("plans");
      p.plans().stream().sorted().forEach(a::add);
    } else if (r instanceof Rule.ReopenedAtLeast o) {
      n.put("kind", "reopened_at_least");
      n.put("times", o.times());
    } else if (r instanceof Rule.SubjectContains k) {
      n.put("kind", "subject_contains");
      n.put("keyword", k.keyword());
    } else if (r instanceof Rule.SlaWarned w) {
      n.put("kind", "sla_warned");
      n.put("metric", w.metric().name());
    } else if (r instanceof Rule.SlaBreached b) {
      n.put("kind", "sla_breached");
      n.put("metric", b.metric().name());
    } else if (r instanceof Rule.StateChange c) {
      n.put("kind", "state_change");
      if (c.from() != null) {
        n.put("from", c.from().name());
      }
      if (c.to() != null) {
        n.put("to", c.to().name());
      }
    } else if (r instanceof Rule.PriorityChange c) {
      n.put("kind", "priority_change");
      if (c.from() != null) {
        n.put("from", c.from().name());
      }
      if (c.to() != null) {
        n.put("to", c.to().name());
      }
    } else if (r instanceof Rule.Not not) {
      n.put("kind", "not");
      n.set("rule", rule(not.rule()));
    } else if (r instanceof Rule.AnyOf any) {
      n.put("kind", "any_of");
      ArrayNode a = n.putArray("rules");
      any.rules().forEach(x -> a.add(rule(x)));
    } else {
      throw new IllegalStateException("no JSON mapping for rule " + r.getClass().getName());
    }
    return n;
  }

  static Rule readRule(JsonNode n, int depth) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("a condition is a JSON object");
    }
    if (depth > Rule.MAX_DEPTH) {
      throw new DefinitionFormatException("conditions nest at most " + Rule.MAX_DEPTH + " levels deep");
    }
    String kind = str(n, "kind");
    return switch (kind) {
      case "state_in" -> new Rule.StateIn(enums(TicketState.class, n, "states"));
      case "priority_in" -> new Rule.PriorityIn(enums(Priority.class, n, "priorities"));
      case "has_tag" -> new Rule.HasTag(str(n, "tag"));
      case "lacks_tag" -> new Rule.LacksTag(str(n, "tag"));
      case "channel_in" -> new Rule.ChannelIn(enums(Channel.class, n, "channels"));
      case "type_is" -> new Rule.TypeIs(en(TicketType.class, n, "type"));
      case "tier_is" -> new Rule.TierIs(integer(n, "tier"));
      case "team_is" -> new Rule.TeamIs(TeamId.of(str(n, "team")));
      case "unassigned" -> new Rule.Unassigned();
      case "assignee_is" -> new Rule.AssigneeIs(AgentId.of(str(n, "agent")));
      case "organization_in" -> new Rule.OrganizationIn(new java.util.HashSet<>(list(n, "organizations", e -> {
        if (!e.isTextual()) {
          throw new DefinitionFormatException("organizations must be strings");
        }
        return dev.frontline.helpdesk.directory.OrganizationId.of(e.asText());
      })));
      case "requester_is" -> new Rule.RequesterIs(dev.frontline.helpdesk.directory.CustomerId.of(str(n, "customer")));
      case "field_equals" -> {
        JsonNode v = req(n, "value");
        if (!v.isObject()) {
          throw new DefinitionFormatException("a field value is a JSON object");
        }
        yield new Rule.FieldEquals(str(n, "field"), TicketFormat.readFieldValue(v));
      }
      case "tag_in" -> new Rule.TagIn(new java.util.HashSet<>(list(n, "tags", DefinitionDocuments::string)));
      case "type_in" -> new Rule.TypeIn(enums(TicketType.class, n, "types"));
      case "tier_in" -> new Rule.TierIn(new java.util.HashSet<>(list(n, "tiers", DefinitionDocuments::tier)));
      case "priority_at_least" -> new Rule.PriorityAtLeast(en(Priority.class, n, "priority"));
      case "vip_organization" -> new Rule.VipOrganization();
      case "plan_in" -> new Rule.PlanIn(new java.util.HashSet<>(list(n, "plans", DefinitionDocuments::string)));
      case "reopened_at_least" -> new Rule.ReopenedAtLeast(integer(n, "times"));
      case "subject_contains" -> new Rule.SubjectContains(str(n, "keyword"));
      case "sla_warned" -> new Rule.SlaWarned(en(dev.frontline.helpdesk.sla.SlaMetric.class, n, "metric"));
      case "sla_breached" -> new Rule.SlaBreached(en(dev.frontline.helpdesk.sla.SlaMetric.class, n, "metric"));
      case "state_change" -> new Rule.StateChange(n.has("from") ? en(TicketState.class, n, "from") : null,
          n.has("to") ? en(TicketState.class, n, "to") : null);
      case "priority_change" -> new Rule.PriorityChange(n.has("from") ? en(Priority.class, n, "from") : null,
          n.has("to") ? en(Priority.class, n, "to") : null);
      case "not" -> new Rule.Not(readRule(req(n, "rule"), depth + 1));
      case "any_of" -> new Rule.AnyOf(list(n, "rules", e -> readRule(e, depth + 1)));
      default -> throw new DefinitionFormatException("unknown condition kind " + kind);
    };
  }

  static String string(JsonNode e) {
    if (!e.isTextual()) {
      throw new DefinitionFormatException("expected a string, got " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return e.asText();
  }

  // ---------------------------------------------------------------- actions

  static ObjectNode action(Action a) {
    ObjectNode n = MAPPER.createObjectNode();
    if (a instanceof Action.SetPriority p) {
      n.put("kind", "set_priority");
      n.put("priority", p.priority().name());
    } else if (a instanceof Action.AddTag t) {
      n.put("kind", "add_tag");
      n.put("tag", t.tag());
    } else if (a instanceof Action.RemoveTag t) {
      n.put("kind", "remove_tag");
      n.put("tag", t.tag());
    } else if (a instanceof Action.AssignTeam t) {
      n.put("kind", "assign_team");
      n.put("team", t.team().value());
    } else if (a instanceof Action.SetState s) {
      n.put("kind", "set_state");
      n.put("state", s.state().name());
    } else if (a instanceof Action.AddInternalNote note) {
      n.put("kind", "add_internal_note");
      n.put("text", note.text().text());
    } else if (a instanceof Action.SetField f) {
      n.put("kind", "set_field");
      n.put("field", f.field());
      if (f.value() != null) {
        n.set("value", TicketFormat.fieldValue(f.value()));
      }
    } else if (a instanceof Action.AddPublicReply r) {
      n.put("kind", "add_public_reply");
      n.put("text", r.text().text());
    } else if (a instanceof Action.Notify x) {
      n.put("kind", "notify");
      n.put("recipient", x.recipient().name());
      n.put("subject", x.subject().text());
      n.put("body", x.body().text());
    } else {
      throw new IllegalStateException("no JSON mapping for action " + a.getClass().getName());
    }
    return n;
  }

  static Action readAction(JsonNode n) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("an action is a JSON object");
    }
    String kind = str(n, "kind");
    return switch (kind) {
      case "set_priority" -> new Action.SetPriority(en(Priority.class, n, "priority"));
      case "add_tag" -> new Action.AddTag(str(n, "tag"));
      case "remove_tag" -> new Action.RemoveTag(str(n, "tag"));
      case "assign_team" -> new Action.AssignTeam(TeamId.of(str(n, "team")));
      case "set_state" -> new Action.SetState(en(TicketState.class, n, "state"));
      case "add_internal_note" -> new Action.AddInternalNote(Template.of(str(n, "text")));
      case "set_field" -> {
        JsonNode v = n.get("value");
        if (v != null && !v.isNull() && !v.isObject()) {
          throw new DefinitionFormatException("a field value is a JSON object");
        }
        yield new Action.SetField(str(n, "field"), v == null || v.isNull() ? null : TicketFormat.readFieldValue(v));
      }
      case "add_public_reply" -> new Action.AddPublicReply(Template.of(str(n, "text")));
      case "notify" -> new Action.Notify(en(Recipient.class, n, "recipient"), Template.of(str(n, "subject")), Template.of(str(n, "body")));
      default -> throw new DefinitionFormatException("unknown action kind " + kind);
    };
  }
}
