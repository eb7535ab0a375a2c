package dev.frontline.helpdesk.jackson.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.jackson.DefinitionFormatException;
import dev.frontline.helpdesk.jackson.TicketJson;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.testkit.GoldenDocuments;
import dev.frontline.helpdesk.testkit.StoredFormatContract;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stored format passes the golden-document contract, and refuses versions it does not know. */
@DisplayName("the stored format (dev.frontline.helpdesk.jackson.format)")
class StoredFormatTest extends StoredFormatContract {
  @Override
  protected Codec codec() {
    return new Codec() {
      @Override public String writeTicket(Ticket v) { return TicketFormat.writeTicket(v); }
      @Override public Ticket readTicket(String json) { return TicketFormat.readTicket(json); }
      @Override public String writeEvent(TicketEvent v) { return TicketFormat.writeEvent(v); }
      @Override public TicketEvent readEvent(String json) { return TicketFormat.readEvent(json); }
      @Override public String writeAgent(Agent v) { return DirectoryFormat.writeAgent(v); }
      @Override public Agent readAgent(String json) { return DirectoryFormat.readAgent(json); }
      @Override public String writeTeam(Team v) { return DirectoryFormat.writeTeam(v); }
      @Override public Team readTeam(String json) { return DirectoryFormat.readTeam(json); }
      @Override public String writeTier(SupportTier v) { return DirectoryFormat.writeTier(v); }
      @Override public SupportTier readTier(String json) { return DirectoryFormat.readTier(json); }
      @Override public String writeRole(Role v) { return DirectoryFormat.writeRole(v); }
      @Override public Role readRole(String json) { return DirectoryFormat.readRole(json); }
      @Override public String writeCustomer(Customer v) { return DirectoryFormat.writeCustomer(v); }
      @Override public Customer readCustomer(String json) { return DirectoryFormat.readCustomer(json); }
      @Override public String writeOrganization(Organization v) { return DirectoryFormat.writeOrganization(v); }
      @Override public Organization readOrganization(String json) { return DirectoryFormat.readOrganization(json); }
      @Override public String writeArticle(Article v) { return KnowledgeFormat.writeArticle(v); }
      @Override public Article readArticle(String json) { return KnowledgeFormat.readArticle(json); }
      @Override public String writeInteraction(Interaction v) { return OperationsFormat.writeInteraction(v); }
      @Override public Interaction readInteraction(String json) { return OperationsFormat.readInteraction(json); }
      @Override public String writeAsset(Asset v) { return OperationsFormat.writeAsset(v); }
      @Override public Asset readAsset(String json) { return OperationsFormat.readAsset(json); }
      @Override public String writeDefinition(AutomationDefinition v) { return OperationsFormat.writeDefinition(v); }
      @Override public AutomationDefinition readDefinition(String json) { return OperationsFormat.readDefinition(json); }
    };
  }

  private static String withVersion(String document, String version) {
    return document.replaceFirst("^\\{\"v\":1,", "{\"v\":" + version + ",");
  }

  @Test
  @DisplayName("a newer version is a FormatVersionException naming the document, the version and the newest known")
  void newerVersionIsTyped() {
    String ticket = GoldenDocuments.text("ticket.v1.json");
    assertThatThrownBy(() -> TicketFormat.readTicket(withVersion(ticket, "2")))
        .isInstanceOfSatisfying(FormatVersionException.class, e -> {
          assertThat(e.document()).isEqualTo("ticket");
          assertThat(e.version()).isEqualTo(2);
          assertThat(e.highestKnown()).isEqualTo(TicketFormat.VERSION);
          assertThat(e).hasMessage("stored ticket has format version 2; this release reads versions 1 to 1");
        });
    String event = GoldenDocuments.lines("ticket-events.v1.jsonl").get(0);
    assertThatThrownBy(() -> TicketFormat.readEvent(withVersion(event, "7")))
        .isInstanceOfSatisfying(FormatVersionException.class, e -> assertThat(e.version()).isEqualTo(7));
    assertThatThrownBy(() -> DirectoryFormat.readAgent(withVersion(GoldenDocuments.text("agent.v1.json"), "0")))
        .isInstanceOfSatisfying(FormatVersionException.class, e -> assertThat(e.version()).isZero());
    assertThatThrownBy(() -> OperationsFormat.readDefinition(GoldenDocuments.lines("definitions.v1.jsonl").get(0)
            .replaceFirst("^\\{\"format\":1,", "{\"format\":2,")))
        .isInstanceOf(DefinitionFormatException.class).hasMessageContaining("format 2");
  }

  @Test
  @DisplayName("a version field that is not a whole number is a StorageException, not version 1")
  void malformedVersion() {
    String team = GoldenDocuments.text("team.v1.json");
    for (String bad : List.of("\"1\"", "1.5", "null", "{}")) {
      assertThatThrownBy(() -> DirectoryFormat.readTeam(withVersion(team, bad)))
          .as(bad).isInstanceOf(StorageException.class).hasMessageContaining("format version");
    }
  }

  @Test
  @DisplayName("documents written before the version field existed are version 1 and are rewritten with it")
  void unversionedIsVersionOne() {
    String old = GoldenDocuments.text("ticket.unversioned.json");
    assertThat(old).doesNotContain("\"v\":");
    assertThat(TicketFormat.writeTicket(TicketFormat.readTicket(old))).isEqualTo(GoldenDocuments.text("ticket.v1.json"));
  }

  @Test
  @DisplayName("the webhook wire format is pinned on its own: the version-1 shapes without the stored format's version field")
  void wireFormatIsSeparate() {
    List<String> wire = GoldenDocuments.lines("ticket-events.unversioned.jsonl");
    List<TicketEvent> events = GoldenDocuments.events();
    for (int i = 0; i < events.size(); i++) {
      assertThat(TicketJson.write(events.get(i))).isEqualTo(wire.get(i));
      assertThat(TicketJson.readEvent(wire.get(i))).isEqualTo(events.get(i));
    }
    assertThat(TicketJson.write(GoldenDocuments.ticket())).isEqualTo(GoldenDocuments.text("ticket.unversioned.json"));
  }
}
