package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketType;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Similar tickets" quality on the Bitext customer-support requests from the shared evaluation
 * folder ({@code ../shared/eval/kb/bitext-similar-requests}, never copied into the project): every
 * corpus request becomes a solved ticket (the request is its subject, the intent is remembered
 * beside it), every query runs through {@link LuceneTicketSearch#similarSolved} as an all-seeing
 * reader, and P@1 counts queries whose top ticket has the query's intent. Skipped, with a message,
 * when the folder is absent.
 */
class SimilarTicketsQualityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path sharedDir() {
    String prop = System.getProperty("frontline.shared.dir");
    return prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
  }

  private static Ticket solvedTicket(String id, long n, String subject) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    TicketId tid = TicketId.of(id);
    Author actor = new Author(Author.Kind.SYSTEM, "system:eval");
    TicketChange.Created c = new TicketChange.Created(new TicketKey("EVAL", n), subject, CustomerId.of("c" + n), null,
        Channel.WEB, Priority.NORMAL, TicketType.QUESTION, new TreeSet<>(), new TreeMap<>(), 1, null, null);
    Ticket t = TicketHistory.apply(null, new TicketEvent(tid, 1, actor, at, c));
    return TicketHistory.apply(t, new TicketEvent(tid, 2, actor, at, new TicketChange.StateChanged(TicketState.NEW, TicketState.SOLVED)));
  }

  @Test
  @DisplayName("Bitext similar requests: P@1 of same-intent solved tickets is at least 0.94")
  void bitext() throws IOException {
    Path set = sharedDir().resolve("eval/kb/bitext-similar-requests");
    if (!Files.isDirectory(set)) {
      System.out.println("SKIPPED: evaluation data not found at " + set.toAbsolutePath());
      Assumptions.abort("evaluation data not found at " + set.toAbsolutePath());
    }
    Map<String, String> intent = new HashMap<>();
    int hits = 0;
    int n = 0;
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        LuceneTicketSearch search = LuceneTicketSearch.builder(dir).build()) {
      long k = 0;
      for (String line : Files.readAllLines(set.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode d = JSON.readTree(line);
        String id = d.get("id").asText();
        intent.put(id, d.get("category").asText());
        String subject = (d.get("title").asText() + " " + d.get("body").asText()).strip();
        search.index(solvedTicket(id, ++k, subject), List.of(), Locale.forLanguageTag(d.get("locale").asText()));
      }
      search.refresh();
      TicketSearchAudience everyone = TicketSearchAudience.publicOnly(TicketVisibility.everything());
      for (String line : Files.readAllLines(set.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
        JsonNode q = JSON.readTree(line);
        n++;
        List<SimilarTicket> top = search.similarSolved(
            q.get("text").asText(), Locale.forLanguageTag(q.get("locale").asText()), everyone, null, 1);
        if (!top.isEmpty() && q.get("expected_category").asText().equals(intent.get(top.get(0).ticketId().value()))) {
          hits++;
        }
      }
    }
    double p1 = (double) hits / n;
    System.out.printf(Locale.ROOT, "bitext-similar-requests similar solved tickets P@1=%.4f over %d queries%n", p1, n);
    assertThat(p1).isGreaterThanOrEqualTo(0.94);
  }
}
