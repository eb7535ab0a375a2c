package dev.frontline.helpdesk.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Roles;
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
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.sla.SlaStatus;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import dev.frontline.helpdesk.testkit.MutableClock;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Customer deliveries carry only what a customer may see. Every internal value in these samples
 * contains {@value #SECRET}, so that a single search of the delivery's text finds any leak.
 */
@DisplayName("customer deliveries")
class CustomerDeliveryTest {
  static final String SECRET = "zzsecret";
  static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final WebhookPayloads PAYLOADS = WebhookPayloads.withSecret(KEY);
  static final TicketId ID = TicketId.of("t-1");
  static final CustomerId CAROL = CustomerId.of("carol");
  static final Author AGENT = new Author(Author.Kind.AGENT, "agent:" + SECRET + "-alice");
  static final Author SYSTEM = new Author(Author.Kind.SYSTEM, "system:" + SECRET + "-bot");
  static final Author CUSTOMER = new Author(Author.Kind.CUSTOMER, "customer:carol");
  static final ObjectMapper MAPPER = new ObjectMapper();

  static Entry entry(String id, EntryKind kind, Author author, String body) {
    return new Entry(EntryId.of(id), kind, author, Channel.EMAIL, body, AT,
        List.of(new Attachment(AttachmentId.of("att-" + id), "log-" + id + ".txt", "text/plain", 42, SECRET + "-blob-" + id)));
  }

  static TicketChange.Created created() {
    TreeMap<String, FieldValue> fields = new TreeMap<>();
    fields.put(SECRET + "_score", FieldValue.text(SECRET + " churn risk"));
    fields.put("amount", FieldValue.number(new BigDecimal("987654.321")));
    return new TicketChange.Created(new TicketKey("HD", 7), "Printer on fire", CAROL, OrganizationId.of(SECRET + "-org"),
        Channel.EMAIL, Priority.URGENT, TicketType.INCIDENT, new TreeSet<>(Set.of(SECRET + "-vip", SECRET + "-legal")), fields, 3,
        TeamId.of(SECRET + "-team"), AgentId.of(SECRET + "-assignee"));
  }

  /** One sample of every kind of ticket change, each with internal values marked by {@link #SECRET}. */
  static List<TicketChange> samples() {
    return List.of(
        created(),
        new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN),
        new TicketChange.SubjectChanged(SECRET + " old", SECRET + " new"),
        new TicketChange.PriorityChanged(Priority.LOW, Priority.URGENT),
        new TicketChange.TypeChanged(TicketType.TASK, TicketType.INCIDENT),
        new TicketChange.TagsChanged(Set.of(SECRET + "-added"), Set.of(SECRET + "-removed")),
        new TicketChange.FieldChanged(SECRET + "_field", null, FieldValue.date(LocalDate.of(2026, 1, 1))),
        new TicketChange.Assigned(TeamId.of(SECRET + "-t0"), TeamId.of(SECRET + "-t1"), null, AgentId.of(SECRET + "-bob")),
        new TicketChange.TierChanged(1, 2, null, TeamId.of(SECRET + "-t2"), null, null, SECRET + " reason", true),
        new TicketChange.EntryAdded(entry("e1", EntryKind.PUBLIC_REPLY, AGENT, "public answer")),
        new TicketChange.EntryAdded(entry("e2", EntryKind.INTERNAL_NOTE, AGENT, SECRET + " note")),
        new TicketChange.EntryAdded(entry("e3", EntryKind.SYSTEM, SYSTEM, SECRET + " system entry")),
        new TicketChange.Linked(new TicketLink(LinkType.RELATED, TicketId.of(SECRET + "-linked"))),
        new TicketChange.Unlinked(new TicketLink(LinkType.RELATED, TicketId.of(SECRET + "-unlinked"))),
        new TicketChange.MergedInto(TicketId.of(SECRET + "-target"), TicketState.OPEN),
        new TicketChange.MergeReceived(TicketId.of(SECRET + "-source"), List.of(
            entry("m1", EntryKind.PUBLIC_REPLY, CUSTOMER, "merged public question"),
            entry("m2", EntryKind.INTERNAL_NOTE, AGENT, SECRET + " merged note"),
            entry("m3", EntryKind.SYSTEM, SYSTEM, SECRET + " merged system entry"))),
        new TicketChange.DeadlineChanged(AT, AT.plusSeconds(60), SECRET + "=due",
            Map.of(SlaMetric.RESOLUTION, new SlaMetricState(SlaStatus.BREACHED, true, AT))),
        new TicketChange.EscalationStepFired(SECRET + "-rule", SECRET + "-step"),
        new TicketChange.Custom(SECRET + "_csat", Map.of("comment", SECRET + " comment")));
  }

  static List<TicketEvent> sampleEvents() {
    List<TicketEvent> out = new ArrayList<>();
    long v = 1;
    for (TicketChange c : samples()) {
      out.add(new TicketEvent(ID, v++, c instanceof TicketChange.DeadlineChanged ? SYSTEM : AGENT, AT, c));
    }
    return out;
  }

  static String customerBody(List<TicketEvent> events) {
    return PAYLOADS.deliverToCustomer("d-1", WebhookPayloads.customerVisible(events), AT).body();
  }

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Nested
  @DisplayName("internal values")
  class InternalValues {
    @Test
    @DisplayName("a creation carries key, subject, requester and channel, and none of tags, fields, organization, priority, type, tier, team or assignee")
    void creation() throws Exception {
      String body = customerBody(List.of(new TicketEvent(ID, 1, AGENT, AT, created())));
      assertThat(body).doesNotContain(SECRET).doesNotContain("987654").doesNotContain("URGENT").doesNotContain("INCIDENT");
      JsonNode change = json(body).get("events").get(0).get("change");
      assertThat(change.get("kind").asText()).isEqualTo("created");
      assertThat(names(change)).containsExactlyInAnyOrder("kind", "key", "subject", "requester", "channel");
      assertThat(change.get("key").asText()).isEqualTo("HD-7");
      assertThat(change.get("subject").asText()).isEqualTo("Printer on fire");
      assertThat(change.get("requester").asText()).isEqualTo("carol");
      // the same event in the full format does carry them all
      String full = PAYLOADS.deliver("d-1", List.of(new TicketEvent(ID, 1, AGENT, AT, created())), AT).body();
      assertThat(full).contains(SECRET + "-vip", SECRET + "_score", SECRET + " churn risk", SECRET + "-team",
          SECRET + "-assignee", SECRET + "-org", "987654", "URGENT", SECRET + "-alice");
    }

    @Test
    @DisplayName("no sample of any kind of change leaks an internal value, and every sample carries one in the full format")
    void everyKind() {
      Set<Class<?>> covered = new HashSet<>();
      for (TicketEvent e : sampleEvents()) {
        covered.add(e.change().getClass());
        assertThat(TicketJson.write(e)).as("full format of %s", e.change()).contains(SECRET);
        assertThat(customerBody(List.of(e))).as("customer delivery of %s", e.change()).doesNotContain(SECRET);
      }
      assertThat(covered).containsExactlyInAnyOrder(TicketChange.class.getPermittedSubclasses());
      assertThat(customerBody(sampleEvents())).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("agents and automation appear only as their kind; a customer author keeps their customer id")
    void actors() throws Exception {
      List<TicketEvent> events = List.of(
          new TicketEvent(ID, 1, AGENT, AT, new TicketChange.EntryAdded(entry("e1", EntryKind.PUBLIC_REPLY, AGENT, "hi"))),
          new TicketEvent(ID, 2, SYSTEM, AT, new TicketChange.StateChanged(TicketState.SOLVED, TicketState.CLOSED)),
          new TicketEvent(ID, 3, CUSTOMER, AT, new TicketChange.EntryAdded(entry("e2", EntryKind.PUBLIC_REPLY, CUSTOMER, "thanks"))));
      String body = customerBody(events);
      assertThat(body).doesNotContain(SECRET).doesNotContain("alice");
      JsonNode ev = json(body).get("events");
      assertThat(ev.get(0).get("actor").toString()).isEqualTo("{\"kind\":\"AGENT\"}");
      assertThat(ev.get(0).get("change").get("entry").get("author").toString()).isEqualTo("{\"kind\":\"AGENT\"}");
      assertThat(ev.get(1).get("actor").toString()).isEqualTo("{\"kind\":\"SYSTEM\"}");
      assertThat(ev.get(2).get("actor").toString()).isEqualTo("{\"kind\":\"CUSTOMER\",\"customer\":\"carol\"}");
      assertThat(WebhookPayloads.customerVisible(events)).extracting(CustomerEvent::actor)
          .containsExactly(CustomerEvent.Actor.agent(), CustomerEvent.Actor.system(), CustomerEvent.Actor.customer(CAROL));
    }

    @Test
    @DisplayName("attachments of public replies keep name, type and size but not their blob keys")
    void attachments() throws Exception {
      String body = customerBody(List.of(
          new TicketEvent(ID, 1, CUSTOMER, AT, new TicketChange.EntryAdded(entry("e1", EntryKind.PUBLIC_REPLY, CUSTOMER, "see log")))));
      assertThat(body).doesNotContain(SECRET).doesNotContain("blob");
      JsonNode att = json(body).get("events").get(0).get("change").get("entry").get("attachments").get(0);
      assertThat(names(att)).containsExactlyInAnyOrder("id", "fileName", "contentType", "size");
      assertThat(att.get("fileName").asText()).isEqualTo("log-e1.txt");
    }

    @Test
    @DisplayName("a merge into another ticket does not name that ticket")
    void mergedInto() {
      List<CustomerEvent> v = WebhookPayloads.customerVisible(List.of(
          new TicketEvent(ID, 4, AGENT, AT, new TicketChange.MergedInto(TicketId.of(SECRET + "-target"), TicketState.OPEN))));
      assertThat(v).singleElement().extracting(CustomerEvent::change).isEqualTo(new CustomerEvent.MergedInto(TicketState.OPEN));
    }

    @Test
    @DisplayName("an actor other than a customer cannot carry an id")
    void actorInvariant() {
      assertThatThrownBy(() -> new CustomerEvent.Actor(Author.Kind.AGENT, CAROL)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> CustomerEvent.Reply.of(entry("n", EntryKind.INTERNAL_NOTE, AGENT, "x")))
          .isInstanceOf(ValidationException.class);
      assertThat(CustomerEvent.Actor.of(new Author(Author.Kind.CUSTOMER, "not-a-principal-form")))
          .isEqualTo(new CustomerEvent.Actor(Author.Kind.CUSTOMER, null));
    }
  }

  @Nested
  @DisplayName("merged entries")
  class Merges {
    @Test
    @DisplayName("the public replies copied in by a merge reach the customer; its internal notes and system entries do not")
    void publicEntriesOfAMerge() throws Exception {
      TicketEvent merge = sampleEvents().stream().filter(e -> e.change() instanceof TicketChange.MergeReceived).findFirst().orElseThrow();
      String body = customerBody(List.of(merge));
      assertThat(body).contains("merged public question").doesNotContain(SECRET);
      JsonNode change = json(body).get("events").get(0).get("change");
      assertThat(change.get("kind").asText()).isEqualTo("merge_received");
      assertThat(names(change)).containsExactlyInAnyOrder("kind", "entries");
      assertThat(change.get("entries")).hasSize(1);
      assertThat(change.get("entries").get(0).get("author").toString()).isEqualTo("{\"kind\":\"CUSTOMER\",\"customer\":\"carol\"}");
    }

    @Test
    @DisplayName("a merge that copied no public reply is left out")
    void internalOnlyMerge() {
      TicketEvent merge = new TicketEvent(ID, 9, AGENT, AT, new TicketChange.MergeReceived(TicketId.of("src"),
          List.of(entry("m2", EntryKind.INTERNAL_NOTE, AGENT, "note"), entry("m3", EntryKind.SYSTEM, SYSTEM, "sys"))));
      assertThat(WebhookPayloads.customerVisible(List.of(merge))).isEmpty();
    }
  }

  @Nested
  @DisplayName("the customer-facing format")
  class Format {
    @Test
    @DisplayName("every change the core marks customer-visible has a customer shape; the others are left out")
    void mirrorsCore() {
      for (TicketEvent e : sampleEvents()) {
        boolean kept = CustomerEvent.of(e).isPresent();
        if (e.change().isCustomerVisible()) {
          assertThat(kept).as("kept: %s", e.change()).isTrue();
        } else if (!(e.change() instanceof TicketChange.MergeReceived)) {
          assertThat(kept).as("left out: %s", e.change()).isFalse();
        }
      }
    }

    @Test
    @DisplayName("a customer delivery round-trips: the receiver verifies it and reads the same customer events")
    void roundTrip() {
      List<CustomerEvent> visible = WebhookPayloads.customerVisible(sampleEvents());
      assertThat(visible).<Class<?>>extracting(e -> e.change().getClass()).containsExactly(
          CustomerEvent.Created.class, CustomerEvent.StateChanged.class, CustomerEvent.EntryAdded.class,
          CustomerEvent.MergedInto.class, CustomerEvent.MergeReceived.class);
      WebhookPayloads.Delivery d = PAYLOADS.deliverToCustomer("d-7", visible, AT);
      assertThat(PAYLOADS.verifyCustomer(d.body(), d.signature(), AT.plusSeconds(5), Duration.ofMinutes(5))).isEqualTo(visible);
      assertThatThrownBy(() -> PAYLOADS.verifyCustomer(d.body().replace("Printer", "Scanner"), d.signature(), AT, Duration.ofMinutes(5)))
          .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("a customer delivery and a full delivery cannot be read as each other")
    void audiences() {
      WebhookPayloads.Delivery customer = PAYLOADS.deliverToCustomer("d-1", WebhookPayloads.customerVisible(sampleEvents()), AT);
      WebhookPayloads.Delivery full = PAYLOADS.deliver("d-2", sampleEvents(), AT);
      assertThatThrownBy(() -> PAYLOADS.verify(customer.body(), customer.signature(), AT, Duration.ofMinutes(5)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("customer delivery");
      assertThatThrownBy(() -> PAYLOADS.verifyCustomer(full.body(), full.signature(), AT, Duration.ofMinutes(5)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("not a customer delivery");
    }
  }

  @Test
  @DisplayName("with the real ticket service, the customer feed shows exactly the conversation the service shows the customer")
  void mirrorsTheServiceView() {
    TeamId front = TeamId.of(SECRET + "-front");
    AgentId lead = AgentId.of(SECRET + "-lead");
    OrganizationId acme = OrganizationId.of(SECRET + "-acme");
    InMemoryDirectoryStore dir = new InMemoryDirectoryStore();
    Roles.defaults().forEach(dir::saveRole);
    dir.saveTeam(new Team(front, "Front line", 1));
    dir.saveTier(new SupportTier(1, "Front line", front));
    dir.saveAgent(Agent.of(lead, "Lead", "lead@example.com", Set.of("supervisor"), Map.of(front, TeamAccess.FULL)));
    dir.saveOrganization(new Organization(acme, "Acme", false, false, "standard"));
    dir.saveCustomer(new Customer(CAROL, "Carol", "carol@example.com", acme, false));
    List<TicketEvent> events = new CopyOnWriteArrayList<>();
    MutableClock clock = new MutableClock(AT);
    Helpdesk helpdesk = Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(new InMemoryTicketStore()).directoryStore(dir).blobStore(new InMemoryBlobStore()).build()).clock(clock).listener(events::addAll).build();
    Principal agent = Principal.agent(lead);
    Principal carol = Principal.customer(CAROL);

    Ticket a = helpdesk.tickets().create(agent, NewTicket.builder("Printer on fire", CAROL, Message.of("Customer called about the printer", Channel.PHONE))
        .tags(SECRET + "-vip").fields(Map.of(SECRET + "_score", FieldValue.text(SECRET + " churn risk")))
        .priority(Priority.URGENT).team(front).assignee(lead).build());
    clock.advance(Duration.ofMinutes(1));
    helpdesk.tickets().addNote(agent, a.id(), Ticket.ANY_VERSION, Message.of(SECRET + " the customer is grumpy"));
    clock.advance(Duration.ofMinutes(1));
    helpdesk.tickets().reply(agent, a.id(), Ticket.ANY_VERSION, Message.of("We are sending a technician"));
    clock.advance(Duration.ofMinutes(1));
    Ticket b = helpdesk.tickets().create(carol, NewTicket.builder("Printer still broken", CAROL, Message.of("Any news?")).build());
    clock.advance(Duration.ofMinutes(1));
    a = helpdesk.tickets().get(agent, a.id());
    helpdesk.tickets().merge(agent, a.id(), a.version(), b.id());

    for (TicketId id : List.of(a.id(), b.id())) {
      List<TicketEvent> ofTicket = events.stream().filter(e -> e.ticketId().equals(id)).toList();
      String body = customerBody(ofTicket);
      assertThat(body).as("delivery of %s", id).doesNotContain(SECRET);
      List<CustomerEvent.Reply> fed = new ArrayList<>();
      for (CustomerEvent e : WebhookPayloads.customerVisible(ofTicket)) {
        if (e.change() instanceof CustomerEvent.EntryAdded x) {
          fed.add(x.reply());
        } else if (e.change() instanceof CustomerEvent.MergeReceived x) {
          fed.addAll(x.replies());
        }
      }
      // merged replies keep their original times; a conversation is ordered by them, as the service does
      fed.sort(java.util.Comparator.comparing(CustomerEvent.Reply::at));
      assertThat(fed).extracting(CustomerEvent.Reply::body).as("feed of %s", id)
          .containsExactlyElementsOf(helpdesk.tickets().conversation(carol, id).stream().map(Entry::body).toList());
    }
    // the merged-in public replies are in the target's feed; the full format would have carried the note
    assertThat(customerBody(events.stream().filter(e -> e.ticketId().equals(b.id())).toList()))
        .contains("Customer called about the printer", "We are sending a technician", "Any news?");
    assertThat(PAYLOADS.deliver("d-1", events, AT).body()).contains(SECRET + " the customer is grumpy");
  }

  static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
