package dev.frontline.helpdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.testkit.GoldenDocuments;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rows written by earlier releases hold stored documents without a format version: the stores read
 * them as version 1. The rows are made as such a release left them, by writing the golden
 * unversioned documents into them with plain SQL.
 */
abstract class StoredDocumentsChecks {
  /** @return the class's migrated database */
  protected abstract TestDatabase database();

  private static int exec(TestDatabase db, String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(TestDatabase db, String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Test
  @DisplayName("a ticket row and event rows of an earlier release (no format version) read as the golden ticket, and take new events")
  void unversionedTicketRows() {
    TestDatabase db = database();
    db.truncate();
    TicketStore tickets = JdbcStores.builder(db.dataSource(), db.dialect()).build().ticketStore();
    Ticket golden = GoldenDocuments.ticket();
    List<TicketEvent> events = GoldenDocuments.events();
    tickets.create(golden, events);
    String id = golden.id().value();
    assertThat(strings(db, "SELECT snapshot FROM frontline_tickets WHERE id = ?", id))
        .containsExactly(GoldenDocuments.text("ticket.v" + GoldenDocuments.NEWEST + ".json"));

    // the rows as an earlier release wrote them
    assertThat(exec(db, "UPDATE frontline_tickets SET snapshot = ? WHERE id = ?", GoldenDocuments.text("ticket.unversioned.json"), id))
        .isEqualTo(1);
    List<String> old = GoldenDocuments.lines("ticket-events.unversioned.jsonl");
    for (int i = 0; i < old.size(); i++) {
      assertThat(exec(db, "UPDATE frontline_ticket_events SET event = ? WHERE ticket_id = ? AND version = ?", old.get(i), id, i + 1))
          .isEqualTo(1);
    }
    assertThat(strings(db, "SELECT event FROM frontline_ticket_events WHERE ticket_id = ? ORDER BY version", id)).isEqualTo(old);

    TicketStore fresh = JdbcStores.builder(db.dataSource(), db.dialect()).build().ticketStore();
    assertThat(fresh.find(golden.id())).contains(golden);
    assertThat(fresh.findByKey(golden.key())).contains(golden);
    assertThat(fresh.history(golden.id())).isEqualTo(events);

    // a later write on such a ticket: new documents carry the version, the old rows stay readable
    TicketEvent next = new TicketEvent(golden.id(), golden.version() + 1, new Author(Author.Kind.SYSTEM, "system:test"),
        golden.updatedAt().plusSeconds(60), new TicketChange.Custom("note", Map.of("k", "v")));
    Ticket after = TicketHistory.apply(golden, next);
    fresh.update(after, golden.version(), List.of(next));
    assertThat(strings(db, "SELECT snapshot FROM frontline_tickets WHERE id = ?", id)).singleElement()
        .satisfies(s -> assertThat(s).startsWith("{\"v\":1,"));
    assertThat(fresh.find(golden.id())).contains(after);
    List<TicketEvent> all = new ArrayList<>(events);
    all.add(next);
    assertThat(fresh.history(golden.id())).isEqualTo(all);
  }

  @Test
  @DisplayName("directory rows of an earlier release (no format version) read as the golden values")
  void unversionedDirectoryRows() {
    TestDatabase db = database();
    db.truncate();
    DirectoryStore directory = JdbcStores.builder(db.dataSource(), db.dialect()).build().directoryStore();
    directory.saveAgent(GoldenDocuments.agent());
    directory.saveTeam(GoldenDocuments.team());
    directory.saveTier(GoldenDocuments.tier());
    directory.saveRole(GoldenDocuments.role());
    directory.saveCustomer(GoldenDocuments.customer());
    directory.saveOrganization(GoldenDocuments.organization());
    for (String table : List.of("agents", "teams", "tiers", "roles", "customers", "organizations")) {
      String stem = table.substring(0, table.length() - 1);
      assertThat(strings(db, "SELECT payload FROM frontline_" + table)).containsExactly(GoldenDocuments.text(stem + ".v1.json"));
      assertThat(exec(db, "UPDATE frontline_" + table + " SET payload = ?", GoldenDocuments.text(stem + ".unversioned.json")))
          .isEqualTo(1);
    }
    DirectoryStore fresh = JdbcStores.builder(db.dataSource(), db.dialect()).build().directoryStore();
    assertThat(fresh.findAgent(GoldenDocuments.agent().id())).contains(GoldenDocuments.agent());
    assertThat(fresh.findTeam(GoldenDocuments.team().id())).contains(GoldenDocuments.team());
    assertThat(fresh.tiers()).containsExactly(GoldenDocuments.tier());
    assertThat(fresh.findRole(GoldenDocuments.role().name())).contains(GoldenDocuments.role());
    assertThat(fresh.findCustomer(GoldenDocuments.customer().id())).contains(GoldenDocuments.customer());
    assertThat(fresh.findOrganization(GoldenDocuments.organization().id())).contains(GoldenDocuments.organization());
  }
}
