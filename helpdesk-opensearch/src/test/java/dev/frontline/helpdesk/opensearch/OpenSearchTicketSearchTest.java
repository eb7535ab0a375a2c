package dev.frontline.helpdesk.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.search.SimilarTicket;
import dev.frontline.helpdesk.search.TicketSearchAudience;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenSearchTicketSearchTest {
  private static final TicketSearchAudience EVERYTHING = TicketSearchAudience.publicOnly(TicketVisibility.everything());
  private static final Principal SYSTEM = Principal.system("test");

  /** A helpdesk on in-memory stores whose solved tickets are indexed in {@code search} (if given). */
  private static final class Desk {
    final InMemoryStores stores;
    final Helpdesk helpdesk;
    final CustomerId alice = CustomerId.of("alice");

    Desk(@Nullable OpenSearchTicketSearch search, Function<Ticket, Locale> locale) {
      this(InMemoryStores.create(), search, locale);
    }

    Desk(InMemoryStores stores, @Nullable OpenSearchTicketSearch search, Function<Ticket, Locale> locale) {
      this.stores = stores;
      stores.directoryStore().saveCustomer(new Customer(alice, "Alice", null, null, false));
      Helpdesk.Builder b = Helpdesk.builder().stores(stores);
      if (search != null) {
        b.ticketSearch(search, locale);
      }
      helpdesk = b.build();
    }

    Ticket solved(String subject, String text) {
      Ticket t = helpdesk.tickets().create(SYSTEM, NewTicket.builder(subject, alice, Message.of(text)).build());
      return helpdesk.tickets().transition(SYSTEM, t.id(), t.version(), TicketState.SOLVED);
    }

    List<Entry> conversation(Ticket t) {
      return helpdesk.tickets().conversation(SYSTEM, t.id());
    }
  }

  private static List<String> subjects(OpenSearchTicketSearch s, String text, @Nullable Locale locale) {
    s.refresh();
    return s.similarSolved(text, locale, EVERYTHING, null, 10).stream().map(SimilarTicket::subject).toList();
  }

  @Test
  @DisplayName("re-indexing is idempotent: an older snapshot of a ticket replayed later changes nothing")
  void externalVersions() {
    try (OpenSearchTicketSearch s = TestIndexes.tickets()) {
      Desk d = new Desk(null, t -> Locale.ENGLISH);
      Ticket t = d.solved("Printer jams", "the olddriver jams");
      List<Entry> before = d.conversation(t);
      Ticket later = d.helpdesk.tickets().reply(SYSTEM, t.id(), Ticket.ANY_VERSION, Message.of("install the newdriver"));
      later = d.helpdesk.tickets().get(SYSTEM, t.id());
      s.index(later, d.conversation(later), Locale.ENGLISH);
      s.index(t, before, Locale.ENGLISH); // a late replay of the older snapshot
      s.index(later, d.conversation(later), Locale.ENGLISH); // and the newer one twice
      assertThat(t.version()).isLessThan(later.version());
      assertThat(subjects(s, "newdriver", null)).containsExactly("Printer jams");
      s.delete(t.id());
      s.delete(t.id()); // removing what is not there does nothing
      assertThat(subjects(s, "newdriver", null)).isEmpty();
    }
  }

  @Test
  @DisplayName("with the store as source, removals are versioned: a late replay of a solved snapshot after the reopening changes nothing, a stale removal after a new solve changes nothing")
  void versionedRemovals() {
    InMemoryStores stores = InMemoryStores.create();
    try (OpenSearchTicketSearch s = TestIndexes.ticketsBuilder().source(stores.ticketStore(), t -> Locale.ENGLISH).build()) {
      Desk d = new Desk(stores, s, t -> Locale.ENGLISH);
      Ticket solved = d.solved("VPN drops", "the vpn drops hourly");
      List<Entry> conversation = d.conversation(solved);
      assertThat(subjects(s, "vpn", null)).containsExactly("VPN drops");
      Ticket reopened = d.helpdesk.tickets().transition(SYSTEM, solved.id(), solved.version(), TicketState.OPEN);
      assertThat(subjects(s, "vpn", null)).isEmpty();
      // a late replay of the solved snapshot (without a source OpenSearch's own delete marker
      // rejects it too, but only for index.gc_deletes, 60 s; the tombstone stays)
      s.index(solved, conversation, Locale.ENGLISH);
      assertThat(subjects(s, "vpn", null)).as("the removal's tombstone outranks the older snapshot").isEmpty();
      d.helpdesk.tickets().transition(SYSTEM, solved.id(), reopened.version(), TicketState.SOLVED);
      assertThat(subjects(s, "vpn", null)).containsExactly("VPN drops");
      s.delete(solved.id()); // a removal decided on an old read (the ticket was open then)
      assertThat(subjects(s, "vpn", null)).as("the store says solved: the removal re-indexes it").containsExactly("VPN drops");
    }
  }

  @Test
  @DisplayName("each language by its analyzer; a query over every language and a whole ticket's text as query both work")
  void languagesAndLongTexts() {
    try (OpenSearchTicketSearch s = TestIndexes.tickets()) {
      Locale da = Locale.forLanguageTag("da");
      Locale de = Locale.GERMAN;
      Desk d = new Desk(s, t -> t.subject().startsWith("DA") ? da : t.subject().startsWith("DE") ? de : Locale.ENGLISH);
      d.solved("DA printer", "Saadan tilslutter du printeren");
      d.solved("DE Drucker", "So schliessen Sie den Drucker an");
      d.solved("Mail quota", "The mailbox is full, the quota was raised");
      assertThat(subjects(s, "printerne", da)).containsExactly("DA printer");
      assertThat(subjects(s, "printerne", Locale.ENGLISH)).isEmpty();
      // 20 words over every language: one clause per word and field stays within the clause limit
      String many = "quota mailbox " + IntStream.range(0, 18).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
      assertThat(subjects(s, many, null)).containsExactly("Mail quota");
      // a whole ticket (hundreds of words) is matched by its most distinctive words
      StringBuilder ticket = new StringBuilder("My mailbox quota is exceeded again.");
      for (int i = 0; i < 300; i++) {
        ticket.append(" filler").append(i);
      }
      assertThat(subjects(s, ticket.toString(), Locale.ENGLISH)).containsExactly("Mail quota");
      assertThat(subjects(s, "mailbx", null)).as("a typo of a word no ticket has").containsExactly("Mail quota");
    }
  }

  @Test
  @DisplayName("rebuild: a new index is filled from the store while searches answer from the old one, then the alias moves")
  void rebuildWithAliasSwap() throws Exception {
    try (OpenSearchTicketSearch s = TestIndexes.tickets()) {
      Desk d = new Desk(s, t -> Locale.ENGLISH);
      d.solved("VPN drops", "the vpn drops hourly");
      // a ticket that never reached the index (say, solved while the cluster was away)
      Ticket lost = d.solved("Printer jams", "paper jam");
      s.delete(lost.id());
      TicketStore store = d.stores.ticketStore();
      String before = s.currentIndex();
      assertThat(subjects(s, "jam", null)).isEmpty();

      AtomicBoolean checked = new AtomicBoolean();
      List<String> during = new ArrayList<>();
      TicketStore watched = (TicketStore) Proxy.newProxyInstance(TicketStore.class.getClassLoader(), new Class<?>[] {TicketStore.class},
          (proxy, method, args) -> {
            if (method.getName().equals("query") && checked.compareAndSet(false, true)) {
              // the rebuild has started: searches still answer, from the old index
              during.add(s.currentIndex());
              during.addAll(subjects(s, "vpn", null));
              during.add(String.valueOf(subjects(s, "jam", null).size()));
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      int n = s.rebuild(watched, t -> Locale.ENGLISH);
      assertThat(n).isEqualTo(2);
      assertThat(during).containsExactly(before, "VPN drops", "0");
      assertThat(s.currentIndex()).isNotEqualTo(before).startsWith(s.indexAlias() + "-1-");
      assertThat(subjects(s, "vpn", null)).containsExactly("VPN drops");
      assertThat(subjects(s, "jam", null)).containsExactly("Printer jams");
      HttpResponse<String> old = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(OpenSearchNode.shared().url() + "/" + before)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(old.statusCode()).as("the old index is deleted").isEqualTo(404);
      // the live indexer writes through the alias into the new index
      d.solved("Laptop battery", "battery drains");
      assertThat(subjects(s, "battery", null)).containsExactly("Laptop battery");
    }
  }
}
