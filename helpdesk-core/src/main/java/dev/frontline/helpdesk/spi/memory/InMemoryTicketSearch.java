package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.spi.TicketSearch;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A simple, correct in-memory {@link TicketSearch}: words split at anything that is not a letter or
 * digit, lower-cased, no stemming. The score sums, over the distinct query words, the word's
 * frequency in the subject (counted twice) and the public conversation, plus half its frequency in
 * internal text where the audience may use it, times its inverse document frequency. Meant for
 * tests and small embeds; it scans every ticket per query.
 *
 * <p>Thread-safe: tickets live in a concurrent map of immutable values.
 */
public final class InMemoryTicketSearch implements TicketSearch {
  private record Doc(Ticket ticket, Locale locale, String publicText, String internalText,
      Map<String, Integer> publicTf, Map<String, Integer> internalTf) {}

  private final Map<TicketId, Doc> docs = new ConcurrentHashMap<>();

  /** Creates an empty index. */
  public InMemoryTicketSearch() {}

  private static Map<String, Integer> tf(String text) {
    Map<String, Integer> out = new HashMap<>();
    for (String w : InMemoryKnowledgeSearch.tokenize(text)) {
      out.merge(w, 1, Integer::sum);
    }
    return out;
  }

  @Override
  public void index(Ticket ticket, List<Entry> conversation, Locale locale) {
    Checks.notNull(ticket, "ticket");
    Checks.notNull(conversation, "conversation");
    Checks.notNull(locale, "locale");
    StringBuilder pub = new StringBuilder();
    StringBuilder internal = new StringBuilder();
    for (Entry e : conversation) {
      (e.kind().isPublic() ? pub : internal).append(e.body()).append('\n');
    }
    Map<String, Integer> publicTf = tf(pub.toString());
    tf(ticket.subject()).forEach((w, n) -> publicTf.merge(w, 2 * n, Integer::sum));
    docs.put(ticket.id(), new Doc(ticket, locale, pub.toString(), internal.toString(), publicTf, tf(internal.toString())));
  }

  @Override
  public void delete(TicketId id) {
    docs.remove(Checks.notNull(id, "ticket id"));
  }

  private record Scored(Doc doc, double score) {}

  @Override
  public List<SimilarTicket> similarSolved(
      String text, @Nullable Locale locale, TicketSearchAudience audience, @Nullable TicketId exclude, int limit) {
    Checks.notNull(text, "text");
    Checks.notNull(audience, "audience");
    Checks.require(limit >= 1 && limit <= 50, "limit must be 1..50");
    String cut = text.length() > 10_000 ? text.substring(0, 10_000) : text;
    Set<String> words = new LinkedHashSet<>(InMemoryKnowledgeSearch.tokenize(cut));
    if (words.isEmpty() || audience.visible().isNone()) {
      return List.of();
    }
    List<Doc> candidates = new ArrayList<>();
    for (Doc d : docs.values()) {
      Ticket t = d.ticket();
      if (SOLVED_STATES.contains(t.state()) && audience.visible().matches(t) && !t.id().equals(exclude)
          && (locale == null || d.locale().getLanguage().equals(locale.getLanguage()))) {
        candidates.add(d);
      }
    }
    // document frequencies over the public text of the candidates only: nothing invisible counts
    int n = candidates.size();
    List<Scored> scored = new ArrayList<>();
    for (Doc d : candidates) {
      boolean internal = audience.internal().matches(d.ticket());
      double pub = 0;
      double inner = 0;
      for (String w : words) {
        int df = 0;
        for (Doc o : candidates) {
          if (o.publicTf().containsKey(w) || (audience.internal().matches(o.ticket()) && o.internalTf().containsKey(w))) {
            df++;
          }
        }
        if (df == 0) {
          continue;
        }
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        pub += d.publicTf().getOrDefault(w, 0) * idf;
        if (internal) {
          inner += 0.5 * d.internalTf().getOrDefault(w, 0) * idf;
        }
      }
      if (pub + inner > 0) {
        scored.add(new Scored(d, pub + inner));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(s -> s.doc().ticket().id().value()));
    List<SimilarTicket> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
      Ticket t = s.doc().ticket();
      String snippet = InMemoryKnowledgeSearch.snippet(s.doc().publicText(), words);
      boolean fromInternal = false;
      if (snippet.isEmpty() && audience.internal().matches(t)) {
        snippet = InMemoryKnowledgeSearch.snippet(s.doc().internalText(), words);
        fromInternal = !snippet.isEmpty();
      }
      out.add(new SimilarTicket(t.id(), t.key(), t.subject(), s.score(), snippet, fromInternal));
    }
    return out;
  }
}
