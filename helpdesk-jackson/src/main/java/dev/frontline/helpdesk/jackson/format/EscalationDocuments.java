package dev.frontline.helpdesk.jackson.format;

import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.MAPPER;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.en;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.enums;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.integer;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.list;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.names;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.str;
import static dev.frontline.helpdesk.jackson.format.DefinitionDocuments.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.escalation.EscalationAction;
import dev.frontline.helpdesk.escalation.EscalationTrigger;
import dev.frontline.helpdesk.jackson.DefinitionFormatException;
import dev.frontline.helpdesk.sla.SlaConditions;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The parts of an {@code escalation_rule} definition document: its trigger, its conditions (one
 * list per field of {@link SlaConditions}, empty ones left out) and its actions. Read and written
 * for {@link DefinitionDocuments}.
 */
final class EscalationDocuments {
  private EscalationDocuments() {}

  static ObjectNode trigger(EscalationTrigger t) {
    ObjectNode n = MAPPER.createObjectNode();
    if (t instanceof EscalationTrigger.SlaWarning w) {
      n.put("kind", "sla_warning");
      n.put("metric", w.metric().name());
    } else if (t instanceof EscalationTrigger.SlaBreach b) {
      n.put("kind", "sla_breach");
      n.put("metric", b.metric().name());
      n.put("delay", b.delay().toString());
    } else if (t instanceof EscalationTrigger.PriorityAtLeast p) {
      n.put("kind", "priority_at_least");
      n.put("priority", p.priority().name());
    } else if (t instanceof EscalationTrigger.VipOrganization) {
      n.put("kind", "vip_organization");
    } else if (t instanceof EscalationTrigger.ReopenedAtLeast o) {
      n.put("kind", "reopened_at_least");
      n.put("times", o.times());
    } else if (t instanceof EscalationTrigger.Tagged g) {
      n.put("kind", "tagged");
      n.put("tag", g.tag());
    } else if (t instanceof EscalationTrigger.SubjectContains k) {
      n.put("kind", "subject_contains");
      n.put("keyword", k.keyword());
    } else if (t instanceof EscalationTrigger.NoAgentReplyFor r) {
      n.put("kind", "no_agent_reply_for");
      n.put("duration", r.duration().toString());
    } else if (t instanceof EscalationTrigger.ManualEscalation) {
      n.put("kind", "manual_escalation");
    } else {
      throw new IllegalStateException("no JSON mapping for escalation trigger " + t.getClass().getName());
    }
    return n;
  }

  static EscalationTrigger readTrigger(JsonNode n) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("an escalation trigger is a JSON object");
    }
    String kind = str(n, "kind");
    return switch (kind) {
      case "sla_warning" -> EscalationTrigger.slaWarning(en(SlaMetric.class, n, "metric"));
      case "sla_breach" -> EscalationTrigger.slaBreach(en(SlaMetric.class, n, "metric"), duration(n, "delay"));
      case "priority_at_least" -> EscalationTrigger.priorityAtLeast(en(Priority.class, n, "priority"));
      case "vip_organization" -> EscalationTrigger.vipOrganization();
      case "reopened_at_least" -> EscalationTrigger.reopenedAtLeast(integer(n, "times"));
      case "tagged" -> EscalationTrigger.tagged(str(n, "tag"));
      case "subject_contains" -> EscalationTrigger.subjectContains(str(n, "keyword"));
      case "no_agent_reply_for" -> EscalationTrigger.noAgentReplyFor(duration(n, "duration"));
      case "manual_escalation" -> EscalationTrigger.manualEscalation();
      default -> throw new DefinitionFormatException("unknown escalation trigger kind " + kind);
    };
  }

  static ObjectNode conditions(SlaConditions c) {
    ObjectNode n = MAPPER.createObjectNode();
    if (!c.priorities().isEmpty()) {
      n.set("priorities", names(c.priorities()));
    }
    if (!c.organizations().isEmpty()) {
      ArrayNode a = n.putArray("organizations");
      c.organizations().stream().map(OrganizationId::value).sorted().forEach(a::add);
    }
    if (!c.channels().isEmpty()) {
      n.set("channels", names(c.channels()));
    }
    if (!c.types().isEmpty()) {
      n.set("types", names(c.types()));
    }
    if (!c.tags().isEmpty()) {
      ArrayNode a = n.putArray("tags");
      c.tags().stream().sorted().forEach(a::add);
    }
    if (!c.tiers().isEmpty()) {
      ArrayNode a = n.putArray("tiers");
      c.tiers().stream().sorted().forEach(a::add);
    }
    if (!c.plans().isEmpty()) {
      ArrayNode a = n.putArray("plans");
      c.plans().stream().sorted().forEach(a::add);
    }
    return n;
  }

  static SlaConditions readConditions(JsonNode n) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("conditions of an escalation rule are a JSON object");
    }
    return new SlaConditions(
        n.has("priorities") ? enums(Priority.class, n, "priorities") : Set.of(),
        n.has("organizations") ? new HashSet<>(list(n, "organizations", e -> OrganizationId.of(string(e)))) : Set.of(),
        n.has("channels") ? enums(Channel.class, n, "channels") : Set.of(),
        n.has("types") ? enums(TicketType.class, n, "types") : Set.of(),
        n.has("tags") ? new HashSet<>(list(n, "tags", DefinitionDocuments::string)) : Set.of(),
        n.has("tiers") ? new HashSet<>(list(n, "tiers", DefinitionDocuments::tier)) : Set.of(),
        n.has("plans") ? new HashSet<>(list(n, "plans", DefinitionDocuments::string)) : Set.of());
  }

  static ObjectNode action(EscalationAction a) {
    ObjectNode n = MAPPER.createObjectNode();
    if (a instanceof EscalationAction.MoveToTier m) {
      n.put("kind", "move_to_tier");
      n.put("tier", m.tier());
      if (m.team() != null) {
        n.put("team", m.team().value());
      }
    } else if (a instanceof EscalationAction.Reassign r) {
      n.put("kind", "reassign");
      if (r.team() != null) {
        n.put("team", r.team().value());
      }
      if (r.agent() != null) {
        n.put("agent", r.agent().value());
      }
    } else if (a instanceof EscalationAction.RaisePriority p) {
      n.put("kind", "raise_priority");
      n.put("priority", p.to().name());
    } else if (a instanceof EscalationAction.Notify x) {
      n.put("kind", "notify");
      n.put("recipient", x.recipient());
      n.put("message", x.message());
    } else if (a instanceof EscalationAction.AddTag t) {
      n.put("kind", "add_tag");
      n.put("tag", t.tag());
    } else if (a instanceof EscalationAction.AddNote note) {
      n.put("kind", "add_note");
      n.put("text", note.text());
    } else {
      throw new IllegalStateException("no JSON mapping for escalation action " + a.getClass().getName());
    }
    return n;
  }

  static EscalationAction readAction(JsonNode n) {
    if (!n.isObject()) {
      throw new DefinitionFormatException("an escalation action is a JSON object");
    }
    String kind = str(n, "kind");
    return switch (kind) {
      case "move_to_tier" -> EscalationAction.moveToTier(integer(n, "tier"), n.has("team") ? TeamId.of(str(n, "team")) : null);
      case "reassign" -> EscalationAction.reassign(n.has("team") ? TeamId.of(str(n, "team")) : null,
          n.has("agent") ? AgentId.of(str(n, "agent")) : null);
      case "raise_priority" -> EscalationAction.raisePriority(en(Priority.class, n, "priority"));
      case "notify" -> EscalationAction.notification(str(n, "recipient"), str(n, "message"));
      case "add_tag" -> EscalationAction.addTag(str(n, "tag"));
      case "add_note" -> EscalationAction.addNote(str(n, "text"));
      default -> throw new DefinitionFormatException("unknown escalation action kind " + kind);
    };
  }

  private static Duration duration(JsonNode n, String name) {
    String v = str(n, name);
    try {
      return Duration.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new DefinitionFormatException(name + " is not an ISO-8601 duration: " + v);
    }
  }
}
