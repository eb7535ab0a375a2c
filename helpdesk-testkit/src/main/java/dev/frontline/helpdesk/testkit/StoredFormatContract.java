package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.Organization;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.intake.Interaction;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of an implementation of Frontline's stored format: every {@linkplain GoldenDocuments
 * golden document} of every version reads as its value, writing the value gives the newest golden
 * document exactly, and a document of a newer version than the implementation knows is refused with
 * an exception naming that version. Extend it and return the implementation's readers and writers
 * from {@link #codec()}.
 */
public abstract class StoredFormatContract {
  /** Reads and writes every kind of stored document; an implementation of the format under test. */
  public interface Codec {
    /** @param v a snapshot @return its document */
    String writeTicket(Ticket v);

    /** @param json a document @return the snapshot */
    Ticket readTicket(String json);

    /** @param v an event @return its document */
    String writeEvent(TicketEvent v);

    /** @param json a document @return the event */
    TicketEvent readEvent(String json);

    /** @param v an agent @return its document */
    String writeAgent(Agent v);

    /** @param json a document @return the agent */
    Agent readAgent(String json);

    /** @param v a team @return its document */
    String writeTeam(Team v);

    /** @param json a document @return the team */
    Team readTeam(String json);

    /** @param v a support tier @return its document */
    String writeTier(SupportTier v);

    /** @param json a document @return the support tier */
    SupportTier readTier(String json);

    /** @param v a role @return its document */
    String writeRole(Role v);

    /** @param json a document @return the role */
    Role readRole(String json);

    /** @param v a customer @return its document */
    String writeCustomer(Customer v);

    /** @param json a document @return the customer */
    Customer readCustomer(String json);

    /** @param v an organization @return its document */
    String writeOrganization(Organization v);

    /** @param json a document @return the organization */
    Organization readOrganization(String json);

    /** @param v an article @return its document */
    String writeArticle(Article v);

    /** @param json a document @return the article */
    Article readArticle(String json);

    /** @param v an interaction @return its document */
    String writeInteraction(Interaction v);

    /** @param json a document @return the interaction */
    Interaction readInteraction(String json);

    /** @param v an asset @return its document */
    String writeAsset(Asset v);

    /** @param json a document @return the asset */
    Asset readAsset(String json);

    /** @param v a storable definition @return its document */
    String writeDefinition(AutomationDefinition v);

    /** @param json a document @return the definition */
    AutomationDefinition readDefinition(String json);
  }

  /** Subclasses need no-arg constructors. */
  protected StoredFormatContract() {}

  /** @return the implementation under test */
  protected abstract Codec codec();

  /**
   * One kind of stored document: its golden files' stem, whether it existed before documents
   * carried their version, the name of its version field, its golden values (one per document, in
   * file order), its writer and reader.
   */
  private record Kind<T>(String stem, boolean unversionedExists, String versionField, boolean lines,
      Supplier<List<T>> values, Function<Codec, Function<T, String>> writer, Function<Codec, Function<String, T>> reader) {
    String file(String version) {
      return stem + "." + version + (lines ? ".jsonl" : ".json");
    }

    List<String> documents(String version) {
      return lines ? GoldenDocuments.lines(file(version)) : List.of(GoldenDocuments.text(file(version)));
    }

    @Override
    public String toString() {
      return stem;
    }
  }

  private static <T> Kind<T> one(String stem, Supplier<T> value, Function<Codec, Function<T, String>> w,
      Function<Codec, Function<String, T>> r) {
    return new Kind<>(stem, true, "v", false, () -> List.of(value.get()), w, r);
  }

  private static List<Kind<?>> kinds() {
    return List.of(
        one("ticket", GoldenDocuments::ticket, c -> c::writeTicket, c -> c::readTicket),
        new Kind<>("ticket-events", true, "v", true, GoldenDocuments::events, c -> c::writeEvent, c -> c::readEvent),
        one("agent", GoldenDocuments::agent, c -> c::writeAgent, c -> c::readAgent),
        one("team", GoldenDocuments::team, c -> c::writeTeam, c -> c::readTeam),
        one("tier", GoldenDocuments::tier, c -> c::writeTier, c -> c::readTier),
        one("role", GoldenDocuments::role, c -> c::writeRole, c -> c::readRole),
        one("customer", GoldenDocuments::customer, c -> c::writeCustomer, c -> c::readCustomer),
        one("organization", GoldenDocuments::organization, c -> c::writeOrganization, c -> c::readOrganization),
        one("article", GoldenDocuments::article, c -> c::writeArticle, c -> c::readArticle),
        one("interaction", GoldenDocuments::interaction, c -> c::writeInteraction, c -> c::readInteraction),
        one("asset", GoldenDocuments::asset, c -> c::writeAsset, c -> c::readAsset),
        new Kind<>("definitions", false, "format", true, GoldenDocuments::definitions, c -> c::writeDefinition,
            c -> c::readDefinition));
  }

  static Stream<Arguments> everyVersion() {
    List<Arguments> out = new ArrayList<>();
    for (Kind<?> k : kinds()) {
      for (String v : GoldenDocuments.versions(k.unversionedExists())) {
        out.add(Arguments.of(k, v));
      }
    }
    return out.stream();
  }

  static Stream<Kind<?>> everyKind() {
    return kinds().stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.frontline.helpdesk.testkit.StoredFormatContract#everyVersion")
  @DisplayName("every golden document of every version reads as its value")
  void reads(Kind<?> kind, String version) {
    reads0(kind, version);
  }

  private <T> void reads0(Kind<T> kind, String version) {
    List<String> documents = kind.documents(version);
    List<T> values = kind.values().get();
    assertThat(documents).as(kind.file(version)).hasSameSizeAs(values);
    Function<String, T> reader = kind.reader().apply(codec());
    for (int i = 0; i < documents.size(); i++) {
      String doc = documents.get(i);
      boolean versioned = doc.startsWith("{\"" + kind.versionField() + "\":");
      assertThat(versioned).as("%s document %d carries its version field", kind.file(version), i + 1)
          .isEqualTo(!version.equals(GoldenDocuments.UNVERSIONED));
      assertThat(reader.apply(doc)).as("%s document %d", kind.file(version), i + 1).isEqualTo(values.get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.frontline.helpdesk.testkit.StoredFormatContract#everyKind")
  @DisplayName("writing a golden value gives the newest golden document exactly, and reads back")
  void writes(Kind<?> kind) {
    writes0(kind);
  }

  private <T> void writes0(Kind<T> kind) {
    String newest = "v" + GoldenDocuments.NEWEST;
    List<String> documents = kind.documents(newest);
    List<T> values = kind.values().get();
    Function<T, String> writer = kind.writer().apply(codec());
    for (int i = 0; i < values.size(); i++) {
      String written = writer.apply(values.get(i));
      assertThat(written).as("%s document %d", kind.file(newest), i + 1).isEqualTo(documents.get(i));
      assertThat(kind.reader().apply(codec()).apply(written)).isEqualTo(values.get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.frontline.helpdesk.testkit.StoredFormatContract#everyKind")
  @DisplayName("a document of a newer version is refused with an exception naming the version")
  void newerVersionRefused(Kind<?> kind) {
    String newest = "v" + GoldenDocuments.NEWEST;
    String prefix = "{\"" + kind.versionField() + "\":" + GoldenDocuments.NEWEST + ",";
    int newer = GoldenDocuments.NEWEST + 1;
    for (String doc : kind.documents(newest)) {
      assertThat(doc).startsWith(prefix);
      String future = "{\"" + kind.versionField() + "\":" + newer + "," + doc.substring(prefix.length());
      assertThatThrownBy(() -> kind.reader().apply(codec()).apply(future))
          .as("%s of version %d", kind.stem(), newer)
          .isInstanceOf(HelpdeskException.class)
          .hasMessageMatching("(?s).*\\b(version|format) " + newer + "\\b.*");
    }
  }

  @Test
  @DisplayName("the golden ticket's history has one event of every kind of change and folds to the golden ticket")
  void goldenTicketIsComplete() {
    assertThat(GoldenDocuments.events().stream().<Class<?>>map(e -> e.change().getClass()).distinct())
        .containsExactlyInAnyOrder(dev.frontline.helpdesk.ticket.TicketChange.class.getPermittedSubclasses());
    Ticket t = GoldenDocuments.ticket();
    assertThat(t.version()).isEqualTo(GoldenDocuments.events().size());
    assertThat(t.mergedInto()).isNotNull();
    assertThat(t.links()).hasSize(1);
    assertThat(t.sla()).hasSize(4);
    assertThat(t.firstResponseAt()).isNotNull();
    assertThat(t.reopenCount()).isEqualTo(1);
    assertThat(t.escalationCount()).isEqualTo(1);
  }
}
