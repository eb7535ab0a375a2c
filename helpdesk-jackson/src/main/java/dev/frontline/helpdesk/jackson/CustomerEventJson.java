package dev.frontline.helpdesk.jackson;

import static dev.frontline.helpdesk.jackson.internal.Json.req;
import static dev.frontline.helpdesk.jackson.internal.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit JSON mapping of {@link CustomerEvent}, the customer-facing projection of ticket
 * events, written by hand on Jackson's tree model; part of the webhook wire format, not of the
 * stored format. It has the same envelope and the same change kinds as the full wire format
 * ({@link TicketJson}) but only the customer-visible fields: an actor is
 * {@code {"kind":"AGENT"}}, {@code {"kind":"SYSTEM"}} or {@code {"kind":"CUSTOMER","customer":…}};
 * nothing else can be written because {@link CustomerEvent} holds nothing else. Thread-safe.
 */
final class CustomerEventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CustomerEventJson() {}

  /**
   * @param e a customer event
   * @return its JSON object
   */
  static ObjectNode node(CustomerEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ticketId", e.ticketId().value());
    n.put("version", e.version());
    n.set("actor", actor(e.actor()));
    n.put("at", e.at().toString());
    n.set("change", change(e.change()));
    return n;
  }

  /**
   * @param n a JSON object written by {@link #node(CustomerEvent)}
   * @return the customer event
   * @throws StorageException if the JSON is not a valid customer event
   */
  static CustomerEvent read(JsonNode n) {
    try {
      return new CustomerEvent(
          TicketId.of(str(n, "ticketId")),
          req(n, "version").asLong(),
          readActor(req(n, "actor")),
          Instant.parse(str(n, "at")),
          readChange(req(n, "change")));
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StorageException("cannot read a customer event: " + e.getMessage(), e);
    }
  }

  private static ObjectNode change(CustomerEvent.Change c) {
    ObjectNode n = MAPPER.createObjectNode();
    if (c instanceof CustomerEvent.Created x) {
      n.put("kind", "created");
      n.put("key", x.key().toString());
      n.put("subject", x.subject());
      n.put("requester", x.requester().value());
      n.put("channel", x.channel().name());
    } else if (c instanceof CustomerEvent.StateChanged x) {
      n.put("kind", "state_changed");
      n.put("from", x.from().name());
      n.put("to", x.to().name());
    } else if (c instanceof CustomerEvent.EntryAdded x) {
      n.put("kind", "entry_added");
      n.set("entry", reply(x.reply()));
    } else if (c instanceof CustomerEvent.MergedInto x) {
      n.put("kind", "merged_into");
      n.put("from", x.from().name());
    } else if (c instanceof CustomerEvent.MergeReceived x) {
      n.put("kind", "merge_received");
      ArrayNode entries = n.putArray("entries");
      for (CustomerEvent.Reply r : x.replies()) {
        entries.add(reply(r));
      }
    } else {
      throw new StorageException("no JSON mapping for customer change " + c.getClass().getName());
    }
    return n;
  }

  private static CustomerEvent.Change readChange(JsonNode n) {
    String kind = str(n, "kind");
    return switch (kind) {
      case "created" ->
          new CustomerEvent.Created(
              TicketKey.parse(str(n, "key")),
              str(n, "subject"),
              CustomerId.of(str(n, "requester")),
              Channel.valueOf(str(n, "channel")));
      case "state_changed" ->
          new CustomerEvent.StateChanged(TicketState.valueOf(str(n, "from")), TicketState.valueOf(str(n, "to")));
      case "entry_added" -> new CustomerEvent.EntryAdded(readReply(req(n, "entry")));
      case "merged_into" -> new CustomerEvent.MergedInto(TicketState.valueOf(str(n, "from")));
      case "merge_received" -> {
        List<CustomerEvent.Reply> replies = new ArrayList<>();
        for (JsonNode e : req(n, "entries")) {
          replies.add(readReply(e));
        }
        yield new CustomerEvent.MergeReceived(replies);
      }
      default -> throw new StorageException("unknown customer change kind " + kind);
    };
  }

  private static ObjectNode actor(CustomerEvent.Actor a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", a.kind().name());
    if (a.customer() != null) {
      n.put("customer", a.customer().value());
    }
    return n;
  }

  private static CustomerEvent.Actor readActor(JsonNode n) {
    JsonNode customer = n.get("customer");
    return new CustomerEvent.Actor(
        Author.Kind.valueOf(str(n, "kind")),
        customer == null || customer.isNull() ? null : CustomerId.of(customer.asText()));
  }

  private static ObjectNode reply(CustomerEvent.Reply r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", r.id().value());
    n.set("author", actor(r.author()));
    n.put("channel", r.channel().name());
    n.put("body", r.body());
    n.put("at", r.at().toString());
    ArrayNode atts = n.putArray("attachments");
    for (CustomerEvent.Attachment a : r.attachments()) {
      ObjectNode an = atts.addObject();
      an.put("id", a.id().value());
      an.put("fileName", a.fileName());
      an.put("contentType", a.contentType());
      an.put("size", a.size());
    }
    return n;
  }

  private static CustomerEvent.Reply readReply(JsonNode n) {
    List<CustomerEvent.Attachment> atts = new ArrayList<>();
    for (JsonNode a : req(n, "attachments")) {
      atts.add(new CustomerEvent.Attachment(
          AttachmentId.of(str(a, "id")), str(a, "fileName"), str(a, "contentType"), req(a, "size").asLong()));
    }
    return new CustomerEvent.Reply(
        EntryId.of(str(n, "id")),
        readActor(req(n, "author")),
        Channel.valueOf(str(n, "channel")),
        str(n, "body"),
        Instant.parse(str(n, "at")),
        atts);
  }
}
