package dev.frontline.helpdesk.jackson.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.frontline.helpdesk.testkit.TicketFixtures;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the stored JSON format")
class StoredFormatMappingTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final Author ACTOR = new Author(Author.Kind.AGENT, "agent:alice");

  private static Entry entry(String id, EntryKind kind) {
    return new Entry(
        EntryId.of(id), kind, ACTOR, Channel.EMAIL, "Body ✓\n\"quoted\" <b>", AT,
        List.of(new Attachment(AttachmentId.of("att-" + id), "log.txt", "text/plain", 42, "blob-" + id)));
  }

  /** One sample (or more) of every TicketChange record type, with nulls and without. */
  static List<TicketChange> samples() {
    TreeMap<String, FieldValue> fields = new TreeMap<>();
    fields.put("amount", FieldValue.number(new BigDecimal("12.50")));
    fields.put("big", FieldValue.number(new BigDecimal("-1.2345678901234567890E+40")));
    fields.put("text", FieldValue.text("hi \u0000 ✓"));
    fields.put("flag", FieldValue.bool(true));
    fields.put("day", FieldValue.date(LocalDate.of(2026, 2, 28)));
    return List.of(
        new TicketChange.Created(new TicketKey("HD", 42), "Subject ✓", CustomerId.of("c1"), OrganizationId.of("o1"),
            Channel.CHAT, Priority.HIGH, TicketType.PROBLEM, new TreeSet<>(Set.of("a", "b")), fields, 2,
            TeamId.of("t1"), AgentId.of("a1")),
        new TicketChange.Created(new TicketKey("HD", 43), "S", CustomerId.of("c1"), null, Channel.EMAIL, Priority.LOW,
            TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), 1, null, null),
        new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN),
        new TicketChange.SubjectChanged("old", "new"),
        new TicketChange.PriorityChanged(Priority.LOW, Priority.URGENT),
        new TicketChange.TypeChanged(TicketType.TASK, TicketType.INCIDENT),
        new TicketChange.TagsChanged(new HashSet<>(Set.of("x", "y")), Set.of()),
        new TicketChange.FieldChanged("amount", null, FieldValue.number(new BigDecimal("1.0"))),
        new TicketChange.FieldChanged("amount", FieldValue.date(LocalDate.of(2020, 1, 1)), null),
        new TicketChange.Assigned(null, TeamId.of("t1"), AgentId.of("a0"), null),
        new TicketChange.TierChanged(1, 3, TeamId.of("t1"), null, null, AgentId.of("a3"), "needs specialist", true),
        new TicketChange.EntryAdded(entry("e1", EntryKind.INTERNAL_NOTE)),
        new TicketChange.Linked(new TicketLink(LinkType.SPLIT_FROM, TicketId.of("other"))),
        new TicketChange.Unlinked(new TicketLink(LinkType.RELATED, TicketId.of("other"))),
        new TicketChange.MergedInto(TicketId.of("target"), TicketState.PENDING),
        new TicketChange.MergeReceived(TicketId.of("src"), List.of(entry("e2", EntryKind.PUBLIC_REPLY), entry("e3", EntryKind.SYSTEM))),
        new TicketChange.DeadlineChanged(null, AT, "first_response=due@x"),
        new TicketChange.DeadlineChanged(AT, null, "", java.util.Map.of(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION, new dev.frontline.helpdesk.sla.SlaMetricState(dev.frontline.helpdesk.sla.SlaStatus.BREACHED, true, AT))),
        new TicketChange.DeadlineChanged(AT, AT.plusSeconds(60), "", java.util.Map.of(
            dev.frontline.helpdesk.sla.SlaMetric.NEXT_RESPONSE,
            new dev.frontline.helpdesk.sla.SlaMetricState(dev.frontline.helpdesk.sla.SlaStatus.RUNNING, false, AT.plusSeconds(60), 2, 3))),
        new TicketChange.EscalationStepFired("breach", "tier2"),
        new TicketChange.Custom("csat", Map.of("rating", "5", "comment", "good ✓")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("every ticket change round-trips through JSON unchanged")
  void changeRoundTrip(TicketChange change) {
    TicketEvent e = new TicketEvent(TicketId.of("t-1"), 7, ACTOR, AT, change);
    String json = TicketFormat.writeEvent(e);
    assertThat(TicketFormat.readEvent(json)).isEqualTo(e);
    assertThat(json).contains("\"kind\":\"" + TicketFormat.changeKind(change) + "\"");
  }

  @Test
  @DisplayName("SLA states stored before cycle counts existed read back with the counts their status implies")
  void legacySlaStatesInferCounts() {
    TicketEvent e = new TicketEvent(TicketId.of("t-1"), 7, ACTOR, AT, new TicketChange.DeadlineChanged(null, null, "",
        Map.of(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION,
            new dev.frontline.helpdesk.sla.SlaMetricState(dev.frontline.helpdesk.sla.SlaStatus.MET, false, null, 4, 1),
            dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE,
            new dev.frontline.helpdesk.sla.SlaMetricState(dev.frontline.helpdesk.sla.SlaStatus.BREACHED, true, null, 0, 2))));
    String json = TicketFormat.writeEvent(e);
    assertThat(json).contains("\"met\":4").contains("\"breached\":2");
    String legacy = json.replaceAll(",?\"met\":\\d+", "").replaceAll(",?\"breached\":\\d+", "");
    assertThat(legacy).doesNotContain("\"met\"").doesNotContain("\"breached\"");
    var sla = ((TicketChange.DeadlineChanged) TicketFormat.readEvent(legacy).change()).sla();
    assertThat(sla.get(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION).met()).isEqualTo(1);
    assertThat(sla.get(dev.frontline.helpdesk.sla.SlaMetric.RESOLUTION).breached()).isZero();
    assertThat(sla.get(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE).met()).isZero();
    assertThat(sla.get(dev.frontline.helpdesk.sla.SlaMetric.FIRST_RESPONSE).breached()).isEqualTo(1);
  }

  @Test
  @DisplayName("the samples cover every permitted TicketChange type, each with its own kind")
  void everyTypeCovered() {
    Set<Class<?>> covered = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (TicketChange c : samples()) {
      if (covered.add(c.getClass())) {
        assertThat(kinds.add(TicketFormat.changeKind(c))).as("distinct kind for " + c.getClass()).isTrue();
      }
    }
    assertThat(covered).containsExactlyInAnyOrder(TicketChange.class.getPermittedSubclasses());
    assertThat(FieldValue.class.getPermittedSubclasses()).hasSize(4);
  }

  @Test
  @DisplayName("a ticket snapshot round-trips, including nanosecond instants and null fields")
  void ticketRoundTrip() {
    TicketFixtures fx = new TicketFixtures();
    TicketFixtures.Draft d = fx.newTicket(AT);
    for (TicketChange c : samples().subList(2, samples().size())) {
      if (!(c instanceof TicketChange.MergedInto)) {
        d.then(c, AT.plusNanos(1));
      }
    }
    Ticket t = d.ticket();
    assertThat(TicketFormat.readTicket(TicketFormat.writeTicket(t))).isEqualTo(t);
    Ticket plain = fx.newTicket(AT).ticket();
    assertThat(TicketFormat.readTicket(TicketFormat.writeTicket(plain))).isEqualTo(plain);
  }

  @Test
  @DisplayName("directory values round-trip")
  void directoryRoundTrip() {
    Agent a = new Agent(AgentId.of("a1"), "Alice", "alice@example.com", Set.of("agent", "lead"),
        Map.of(TeamId.of("t1"), TeamAccess.FULL, TeamId.of("t2"), TeamAccess.OVERVIEW), Set.of("billing"),
        Set.of(Locale.GERMAN, Locale.forLanguageTag("pt-BR")), false);
    assertThat(DirectoryFormat.readAgent(DirectoryFormat.writeAgent(a))).isEqualTo(a);
    Team t = new Team(TeamId.of("t1"), "Team ✓", 2);
    assertThat(DirectoryFormat.readTeam(DirectoryFormat.writeTeam(t))).isEqualTo(t);
    SupportTier tier = new SupportTier(2, "Second line", null);
    assertThat(DirectoryFormat.readTier(DirectoryFormat.writeTier(tier))).isEqualTo(tier);
    SupportTier tier3 = new SupportTier(3, "Third", TeamId.of("t3"));
    assertThat(DirectoryFormat.readTier(DirectoryFormat.writeTier(tier3))).isEqualTo(tier3);
    Role r = Role.of("lead", Scope.TEAM, Permission.TICKET_READ, Permission.ADMINISTER);
    assertThat(DirectoryFormat.readRole(DirectoryFormat.writeRole(r))).isEqualTo(r);
    Role empty = Role.of("nobody", Scope.OWN);
    assertThat(DirectoryFormat.readRole(DirectoryFormat.writeRole(empty))).isEqualTo(empty);
    Customer c = new Customer(CustomerId.of("c1"), "Carl", null, OrganizationId.of("o1"), true);
    assertThat(DirectoryFormat.readCustomer(DirectoryFormat.writeCustomer(c))).isEqualTo(c);
    Organization o = new Organization(OrganizationId.of("o1"), "Org", true, true, "gold");
    assertThat(DirectoryFormat.readOrganization(DirectoryFormat.writeOrganization(o))).isEqualTo(o);
  }

  @Test
  @DisplayName("unreadable stored JSON is a StorageException")
  void corrupt() {
    assertThatThrownBy(() -> TicketFormat.readTicket("{")).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> TicketFormat.readEvent("{\"ticketId\":\"t\"}")).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> TicketFormat.readEvent(
            "{\"ticketId\":\"t\",\"version\":1,\"actor\":{\"kind\":\"AGENT\",\"id\":\"a\"},\"at\":\"2026-01-01T00:00:00Z\",\"change\":{\"kind\":\"nope\"}}"))
        .isInstanceOf(StorageException.class);
  }
}
