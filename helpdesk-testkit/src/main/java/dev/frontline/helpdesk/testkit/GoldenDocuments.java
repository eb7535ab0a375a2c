package dev.frontline.helpdesk.testkit;

import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.asset.AssetStatus;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.intake.Disposition;
import dev.frontline.helpdesk.intake.IdentityCheck;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.intake.InteractionId;
import dev.frontline.helpdesk.intake.Recording;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.BodyFormat;
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
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketLink;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Golden documents of Frontline's stored format: for each kind of stored document, the exact text
 * of every format version a release has written, and the domain value each one holds. They are
 * resources of this jar under {@value #ROOT} (one document a file, or one a line in {@code .jsonl}
 * files), named {@code <kind>.<version>.json[l]}: {@code v1} for documents of version 1 as this
 * release writes them, {@code unversioned} for the version-1 documents written before documents
 * carried their version, which every database made by those releases holds.
 *
 * <p>{@link StoredFormatContract} reads each of them and writes each value back; store contracts
 * round-trip the golden ticket. The values and the files are frozen: a change to the stored format
 * adds a version and its files, it never edits these.
 */
public final class GoldenDocuments {
  /** The resource folder of the golden documents, readable by every module. */
  public static final String ROOT = "frontline-golden/";

  /** The newest stored format version the golden documents cover. */
  public static final int NEWEST = 1;

  /** The file version tag of documents written before documents carried their version. */
  public static final String UNVERSIONED = "unversioned";

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final TicketId TICKET = TicketId.of("golden-1");
  private static final Author CUSTOMER = new Author(Author.Kind.CUSTOMER, "customer:c-anna");
  private static final Author AGENT = new Author(Author.Kind.AGENT, "agent:a-bob");
  private static final Author SYSTEM = new Author(Author.Kind.SYSTEM, "system:escalation");

  private GoldenDocuments() {}

  /**
   * @param name a resource under {@link #ROOT}, e.g. {@code ticket.v1.json}
   * @return its text, without a final line break
   * @throws IllegalArgumentException if there is no such resource
   */
  public static String text(String name) {
    try (InputStream in = GoldenDocuments.class.getResourceAsStream("/" + ROOT + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden document " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param name a {@code .jsonl} resource under {@link #ROOT}
   * @return its documents, one a line, in order
   */
  public static List<String> lines(String name) {
    return text(name).lines().toList();
  }

  /**
   * The file version tags of every version of a kind of document, oldest first.
   *
   * @param versioned whether documents of this kind existed before documents carried their version
   *     (then the first tag is {@link #UNVERSIONED})
   * @return e.g. {@code [unversioned, v1]}
   */
  public static List<String> versions(boolean versioned) {
    List<String> out = new ArrayList<>();
    if (versioned) {
      out.add(UNVERSIONED);
    }
    for (int v = 1; v <= NEWEST; v++) {
      out.add("v" + v);
    }
    return out;
  }

  // ---------------------------------------------------------------- ticket

  /** The time of the golden ticket's event of a version; one has nanoseconds, which the format keeps. */
  private static Instant at(int version) {
    Instant at = T0.plusSeconds(300L * (version - 1));
    return version == 5 ? at.plusNanos(123_456_789) : at;
  }

  private static Entry entry(String id, EntryKind kind, Author author, String body, Instant at, List<Attachment> attachments) {
    return new Entry(EntryId.of(id), kind, author, Channel.EMAIL, body, at, attachments);
  }

  /**
   * The golden ticket's history: one event of every kind of change, in a valid order (its fold is
   * {@link #ticket()}). Documents {@code ticket-events.<version>.jsonl}, one event a line.
   *
   * @return the events, versions 1 to n
   */
  public static List<TicketEvent> events() {
    TreeMap<String, FieldValue> fields = new TreeMap<>();
    fields.put("amount", FieldValue.number(new BigDecimal("12.50")));
    fields.put("due", FieldValue.date(LocalDate.of(2026, 3, 31)));
    fields.put("model", FieldValue.text("LX-300 \"Pro\" ✓"));
    fields.put("vip", FieldValue.bool(true));
    Map<SlaMetric, SlaMetricState> sla = new EnumMap<>(SlaMetric.class);
    sla.put(SlaMetric.FIRST_RESPONSE, new SlaMetricState(SlaStatus.MET, false, null, 1, 0));
    sla.put(SlaMetric.NEXT_RESPONSE, new SlaMetricState(SlaStatus.RUNNING, true, T0.plusSeconds(7200), 0, 0));
    sla.put(SlaMetric.PERIODIC_UPDATE, new SlaMetricState(SlaStatus.PAUSED, false, null, 2, 1));
    sla.put(SlaMetric.RESOLUTION, new SlaMetricState(SlaStatus.BREACHED, true, null, 0, 1));
    List<TicketChange> changes = List.of(
        new TicketChange.Created(new TicketKey("HD", 1042), "Printer on floor 3 prints blank pages", CustomerId.of("c-anna"),
            OrganizationId.of("o-acme"), Channel.EMAIL, Priority.HIGH, TicketType.PROBLEM, new TreeSet<>(Set.of("printer", "floor-3")),
            fields, 1, TeamId.of("t-front"), null),
        new TicketChange.EntryAdded(entry("e-1", EntryKind.PUBLIC_REPLY, CUSTOMER, "Every page is blank.\n\n-- Anna", at(1),
            List.of(new Attachment(AttachmentId.of("att-1"), "scan.pdf", "application/pdf", 48213, "blob-att-1")))),
        new TicketChange.Assigned(TeamId.of("t-front"), TeamId.of("t-front"), null, AgentId.of("a-bob")),
        new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN),
        new TicketChange.EntryAdded(entry("e-2", EntryKind.PUBLIC_REPLY, AGENT, "Hi Anna, <b>which</b> tray?", at(5), List.of())),
        new TicketChange.SubjectChanged("Printer on floor 3 prints blank pages", "Printer LX-300 prints blank pages"),
        new TicketChange.PriorityChanged(Priority.HIGH, Priority.URGENT),
        new TicketChange.TypeChanged(TicketType.PROBLEM, TicketType.INCIDENT),
        new TicketChange.TagsChanged(Set.of("hardware"), Set.of("floor-3")),
        new TicketChange.FieldChanged("vip", FieldValue.bool(true), null),
        new TicketChange.FieldChanged("amount", FieldValue.number(new BigDecimal("12.50")), FieldValue.number(new BigDecimal("13.75"))),
        new TicketChange.EntryAdded(entry("e-3", EntryKind.INTERNAL_NOTE, AGENT, "Toner looks fine.", at(12), List.of())),
        new TicketChange.DeadlineChanged(null, T0.plusSeconds(7200), "policy=standard", sla),
        new TicketChange.TierChanged(1, 2, TeamId.of("t-front"), TeamId.of("t-second"), AgentId.of("a-bob"), null, "resolution breached", true),
        new TicketChange.EscalationStepFired("resolution-breach", "to-tier-2"),
        new TicketChange.Linked(new TicketLink(LinkType.RELATED, TicketId.of("golden-4"))),
        new TicketChange.Linked(new TicketLink(LinkType.PARENT_OF, TicketId.of("golden-5"))),
        new TicketChange.Unlinked(new TicketLink(LinkType.RELATED, TicketId.of("golden-4"))),
        new TicketChange.MergeReceived(TicketId.of("golden-2"), List.of(
            entry("e-4", EntryKind.PUBLIC_REPLY, CUSTOMER, "Same here on floor 2.", T0.plusSeconds(1200), List.of()),
            entry("e-5", EntryKind.SYSTEM, SYSTEM, "Merged from HD-1043", T0.plusSeconds(1300), List.of()))),
        new TicketChange.StateChanged(TicketState.OPEN, TicketState.SOLVED),
        new TicketChange.Custom("csat", Map.of("customer", "c-anna", "scale", "FIVE_POINT", "rating", "4")),
        new TicketChange.StateChanged(TicketState.SOLVED, TicketState.OPEN),
        new TicketChange.MergedInto(TicketId.of("golden-3"), TicketState.OPEN));
    List<Author> actors = List.of(CUSTOMER, CUSTOMER, AGENT, AGENT, AGENT, AGENT, AGENT, AGENT, AGENT, AGENT, AGENT, AGENT,
        SYSTEM, SYSTEM, SYSTEM, AGENT, AGENT, AGENT, SYSTEM, AGENT, CUSTOMER, CUSTOMER, AGENT);
    List<TicketEvent> events = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      events.add(new TicketEvent(TICKET, i + 1, actors.get(i), at(i + 1), changes.get(i)));
    }
    return List.copyOf(events);
  }

  /**
   * The golden ticket: the fold of {@link #events()}, with every snapshot field set. Documents
   * {@code ticket.<version>.json}.
   *
   * @return the snapshot
   */
  public static Ticket ticket() {
    return TicketHistory.rebuild(events());
  }

  // ---------------------------------------------------------------- directory

  /** @return the golden agent; documents {@code agent.<version>.json} */
  public static Agent agent() {
    return new Agent(AgentId.of("a-bob"), "Bob Ødegård", "bob@example.com", Set.of("agent", "lead"),
        Map.of(TeamId.of("t-front"), TeamAccess.FULL, TeamId.of("t-second"), TeamAccess.READ), Set.of("printers", "billing"),
        Set.of(Locale.forLanguageTag("da"), Locale.forLanguageTag("pt-BR")), true);
  }

  /** @return the golden team; documents {@code team.<version>.json} */
  public static Team team() {
    return new Team(TeamId.of("t-second"), "Second line", 2);
  }

  /** @return the golden support tier; documents {@code tier.<version>.json} */
  public static SupportTier tier() {
    return new SupportTier(2, "Second line", TeamId.of("t-second"));
  }

  /** @return the golden role; documents {@code role.<version>.json} */
  public static Role role() {
    return Role.of("lead", Scope.TEAM, Permission.TICKET_READ, Permission.TICKET_REPLY_PUBLIC, Permission.ADMINISTER);
  }

  /** @return the golden customer; documents {@code customer.<version>.json} */
  public static Customer customer() {
    return new Customer(CustomerId.of("c-anna"), "Anna Kovács", "anna@acme.example", OrganizationId.of("o-acme"), true,
        Locale.forLanguageTag("hu"));
  }

  /** @return the golden organization; documents {@code organization.<version>.json} */
  public static Organization organization() {
    return new Organization(OrganizationId.of("o-acme"), "ACME Ltd.", true, true, "gold");
  }

  // ---------------------------------------------------------------- knowledge

  /** @return the golden article; documents {@code article.<version>.json} */
  public static Article article() {
    return new Article(ArticleId.of("kb-7"), Locale.forLanguageTag("da"), "Printeren udskriver tomme sider",
        "## Løsning\n\nSkift **toneren**.", BodyFormat.MARKDOWN, "Tomme sider fra LX-300", List.of("Hardware", "Printere"),
        Set.of("printer", "toner"), ArticleVisibility.restrictedTo(Set.of(TeamId.of("t-front"), TeamId.of("t-second"))),
        ArticleStatus.PUBLISHED, "kb-7-group", 3, "agent:a-bob", T0.plusSeconds(86_400));
  }

  // ---------------------------------------------------------------- operations

  /** @return the golden interaction; documents {@code interaction.<version>.json} */
  public static Interaction interaction() {
    return new Interaction(InteractionId.of("i-9"), Channel.PHONE, CustomerId.of("c-anna"), AgentId.of("a-bob"), T0,
        T0.plusSeconds(420), IdentityCheck.VERIFIED, Disposition.TICKET_CREATED, Recording.NEW_TICKET, TICKET,
        "Blank pages; opened HD-1042", "agent:a-bob");
  }

  /** @return the golden asset; documents {@code asset.<version>.json} */
  public static Asset asset() {
    return new Asset(AssetId.of("as-3"), "Printer LX-300", "printer", "SN-0042-X", AssetStatus.IN_REPAIR, null,
        OrganizationId.of("o-acme"));
  }

  /**
   * The golden definitions: a trigger with every standard condition and action, an automation and
   * a macro with replies in several locales. Documents {@code definitions.<version>.jsonl}, one
   * definition a line; definitions have carried their version (as {@code "format"}) from the start.
   *
   * @return the definitions
   */
  public static List<AutomationDefinition> definitions() {
    return List.of(
        AutomationDefinitionStoreContract.everyKindTrigger("golden-trigger", 2),
        AutomationDefinitionStoreContract.sampleAutomation("golden-automation"),
        AutomationDefinitionStoreContract.sampleMacro("golden-macro", "Printer reset"));
  }
}
