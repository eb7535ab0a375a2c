package dev.frontline.helpdesk.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgeIndexer;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.SearchAudience;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeSearchTest {
  private static final Locale DA = Locale.forLanguageTag("da");
  private static final Locale HU = Locale.forLanguageTag("hu");

  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private LuceneKnowledgeSearch search = LuceneKnowledgeSearch.builder(dir).build();

  @AfterEach
  void close() {
    search.close();
  }

  private static Article article(Locale locale, String title, String body) {
    return Article.builder(locale, title).body(body).status(ArticleStatus.PUBLISHED).build();
  }

  private Article add(Article a) {
    search.index(a);
    return a;
  }

  private SearchResult find(String text, Locale locale, SearchAudience audience) {
    search.refresh();
    return search.search(KnowledgeQuery.builder(text).locale(locale).facets(true).build(), audience);
  }

  private List<String> titles(SearchResult r) {
    return r.hits().stream().map(SearchHit::title).toList();
  }

  @Nested
  @DisplayName("analysis by the article's language")
  class Analysis {
    @Test
    @DisplayName("Danish stemming finds inflected forms")
    void danish() {
      add(article(DA, "Printere", "Sådan tilslutter du printeren til netværket."));
      add(article(DA, "Skærm", "Skift opløsningen på din skærm."));
      assertThat(titles(find("printer", DA, SearchAudience.publicOnly()))).containsExactly("Printere");
      assertThat(titles(find("netværk", DA, SearchAudience.publicOnly()))).containsExactly("Printere");
      assertThat(titles(find("skærmens opløsning", DA, SearchAudience.publicOnly()))).first().isEqualTo("Skærm");
    }

    @Test
    @DisplayName("Hungarian stemming finds inflected forms")
    void hungarian() {
      add(article(HU, "Nyomtató beállítása", "A nyomtatók hálózathoz csatlakoztatása."));
      add(article(HU, "Képernyő", "A képernyő felbontásának módosítása."));
      assertThat(titles(find("nyomtatót", HU, SearchAudience.publicOnly()))).containsExactly("Nyomtató beállítása");
      assertThat(titles(find("hálózatot", HU, SearchAudience.publicOnly()))).containsExactly("Nyomtató beállítása");
    }

    @Test
    @DisplayName("English stemming, fuzzy matching of unknown words, and the exact form ranks first")
    void english() {
      add(article(Locale.ENGLISH, "Connecting printers", "How to connect a printer."));
      add(article(Locale.ENGLISH, "Wireless networks", "Join a wireless network."));
      assertThat(titles(find("connected printer", Locale.ENGLISH, SearchAudience.publicOnly()))).first()
          .isEqualTo("Connecting printers");
      assertThat(titles(find("wirless", Locale.ENGLISH, SearchAudience.publicOnly()))).containsExactly("Wireless networks");
    }

    @Test
    @DisplayName("every supported language analyses and finds its own text")
    void allLanguages() {
      Map<String, String> samples = new HashMap<>();
      samples.put("de", "Drucker einrichten");
      samples.put("fr", "Configurer les imprimantes");
      samples.put("es", "Configurar impresoras");
      samples.put("it", "Configurare le stampanti");
      samples.put("nl", "Printers instellen");
      samples.put("pt", "Configurar impressoras");
      samples.put("sv", "Konfigurera skrivare");
      samples.put("no", "Konfigurere skrivere");
      samples.put("fi", "Tulostimien asetukset");
      samples.put("ru", "Настройка принтеров");
      samples.put("pl", "Konfiguracja drukarek");
      samples.put("cs", "Nastavení tiskáren");
      samples.put("zh", "打印机设置");
      samples.put("ja", "プリンターの設定");
      samples.put("ko", "프린터 설정");
      samples.put("tr", "Yazıcı ayarları");
      samples.forEach((lang, text) -> add(article(Locale.forLanguageTag(lang), text, text)));
      samples.forEach((lang, text) -> assertThat(titles(find(text, Locale.forLanguageTag(lang), SearchAudience.publicOnly())))
          .as(lang).containsExactly(text));
    }

    @Test
    @DisplayName("configured synonyms find articles that use the other word")
    void synonyms() {
      search.close();
      search = LuceneKnowledgeSearch.builder(new ByteBuffersDirectory())
          .synonyms(Locale.ENGLISH, List.of(List.of("laptop", "notebook computer")))
          .build();
      add(article(Locale.ENGLISH, "Notebook computer batteries", "Charge the battery."));
      assertThat(titles(find("laptop", Locale.ENGLISH, SearchAudience.publicOnly()))).containsExactly("Notebook computer batteries");
    }
  }

  @Nested
  @DisplayName("visibility is applied inside the query")
  class Visibility {
    private void corpus() {
      add(article(Locale.ENGLISH, "Billing overview", "How invoices work.").toBuilder()
          .categoryPath(List.of("billing")).tags(Set.of("invoice")).build());
      add(Article.builder(Locale.ENGLISH, "Refund override").body("Use the zebracode to override invoices.")
          .status(ArticleStatus.PUBLISHED).visibility(ArticleVisibility.INTERNAL)
          .categoryPath(List.of("secret-ops")).tags(Set.of("hidden-tag")).build());
      add(Article.builder(Locale.ENGLISH, "Tier two runbook").body("zebracode escalation for tier two.")
          .status(ArticleStatus.PUBLISHED).visibility(ArticleVisibility.restrictedTo(Set.of(TeamId.of("tier2"))))
          .categoryPath(List.of("runbooks")).build());
      add(Article.builder(Locale.ENGLISH, "Zebracode draft").body("zebracode").status(ArticleStatus.DRAFT).build());
    }

    @Test
    @DisplayName("a word only in internal articles gives a customer no hit, no count, no facet, no snippet, no suggestion")
    void customerSeesNothing() {
      corpus();
      SearchResult r = find("zebracode", Locale.ENGLISH, SearchAudience.publicOnly());
      assertThat(r.total()).isZero();
      assertThat(r.hits()).isEmpty();
      assertThat(r.facets().categories()).isEmpty();
      assertThat(r.facets().tags()).isEmpty();
      assertThat(r.facets().locales()).isEmpty();
      assertThat(search.suggest("zebra", Locale.ENGLISH, SearchAudience.publicOnly(), 10)).isEmpty();
      assertThat(search.suggest("refund", null, SearchAudience.publicOnly(), 10)).isEmpty();
      assertThat(search.articlesForText("zebracode zebracode", Locale.ENGLISH, SearchAudience.publicOnly(), 10)).isEmpty();
      SearchResult invoices = find("invoices", Locale.ENGLISH, SearchAudience.publicOnly());
      assertThat(invoices.total()).isEqualTo(1);
      assertThat(invoices.facets().categories()).containsOnlyKeys("billing");
      assertThat(invoices.facets().tags()).containsOnlyKeys("invoice");
      assertThat(invoices.hits()).allSatisfy(h -> assertThat(h.snippet()).doesNotContain("zebracode"));
      SearchResult browse = search.search(KnowledgeQuery.builder("").facets(true).build(), SearchAudience.publicOnly());
      assertThat(browse.total()).isEqualTo(1);
      assertThat(browse.facets().categories()).containsOnlyKeys("billing");
    }

    @Test
    @DisplayName("typo handling behaves as if invisible articles did not exist")
    void fuzzyIgnoresInvisibleWords() {
      add(Article.builder(Locale.ENGLISH, "Internal").body("zebracode").status(ArticleStatus.PUBLISHED)
          .visibility(ArticleVisibility.INTERNAL).build());
      add(article(Locale.ENGLISH, "Public", "zebracade"));
      // for a customer "zebracode" is unknown, so it is treated as a typo of the visible "zebracade"
      assertThat(titles(find("zebracode", Locale.ENGLISH, SearchAudience.publicOnly()))).containsExactly("Public");
      assertThat(titles(find("zebracode", Locale.ENGLISH, SearchAudience.agent(Set.of())))).containsExactly("Internal");
    }

    @Test
    @DisplayName("agents see internal articles, restricted ones only for their teams, drafts only as editors")
    void agents() {
      corpus();
      assertThat(find("zebracode", Locale.ENGLISH, SearchAudience.agent(Set.of())).total()).isEqualTo(1);
      assertThat(find("zebracode", Locale.ENGLISH, SearchAudience.agent(Set.of(TeamId.of("tier2")))).total()).isEqualTo(2);
      assertThat(find("zebracode", Locale.ENGLISH, SearchAudience.everything()).total()).isEqualTo(3);
      SearchResult r = find("zebracode", Locale.ENGLISH, SearchAudience.agent(Set.of()));
      assertThat(r.facets().categories()).containsOnlyKeys("secret-ops");
    }
  }

  @Nested
  @DisplayName("results")
  class Results {
    @Test
    @DisplayName("snippets highlight matches and escape HTML")
    void highlighting() {
      add(article(Locale.ENGLISH, "Printer", "Unrelated intro. To print a page, press <Ctrl>+P and choose the printer."));
      SearchHit hit = find("printing", Locale.ENGLISH, SearchAudience.publicOnly()).hits().get(0);
      assertThat(hit.snippet()).contains("<b>print</b>").contains("&lt;Ctrl&gt;").doesNotContain("<Ctrl>");
    }

    @Test
    @DisplayName("facets count categories, tags and locales over all matches, filters narrow them")
    void facets() {
      for (int i = 0; i < 5; i++) {
        add(article(Locale.ENGLISH, "Mail guide " + i, "mail").toBuilder()
            .categoryPath(List.of("apps", i % 2 == 0 ? "mail" : "calendar")).tags(Set.of("mail", "t" + i)).build());
      }
      add(article(DA, "Mail", "mail").toBuilder().categoryPath(List.of("apps", "mail")).build());
      search.refresh();
      SearchResult r = search.search(KnowledgeQuery.builder("mail").page(0, 2).facets(true).build(), SearchAudience.publicOnly());
      assertThat(r.total()).isEqualTo(6);
      assertThat(r.hits()).hasSize(2);
      assertThat(r.facets().categories()).containsEntry("apps/mail", 4L).containsEntry("apps/calendar", 2L);
      assertThat(r.facets().tags()).containsEntry("mail", 5L).containsEntry("t0", 1L);
      assertThat(r.facets().locales()).containsEntry("en", 5L).containsEntry("da", 1L);
      SearchResult narrowed = search.search(
          KnowledgeQuery.builder("mail").categoryPath(List.of("apps", "mail")).locale(Locale.ENGLISH).build(),
          SearchAudience.publicOnly());
      assertThat(narrowed.total()).isEqualTo(3);
      SearchResult tagged = search.search(KnowledgeQuery.builder("mail").tags(Set.of("t1")).build(), SearchAudience.publicOnly());
      assertThat(tagged.total()).isEqualTo(1);
      SearchResult page2 = search.search(KnowledgeQuery.builder("mail").page(4, 10).build(), SearchAudience.publicOnly());
      assertThat(page2.hits()).hasSize(2);
    }

    @Test
    @DisplayName("with fallback locales each translation group appears once, in the most preferred language")
    void translations() {
      add(Article.builder(Locale.ENGLISH, "Printer setup").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("printer").build());
      add(Article.builder(DA, "Printer opsætning").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("printer").build());
      add(Article.builder(Locale.ENGLISH, "Printer drivers").body("printer").status(ArticleStatus.PUBLISHED)
          .translationGroup("drivers").build());
      add(Article.builder(DA, "Printer intern").body("printer").status(ArticleStatus.PUBLISHED)
          .visibility(ArticleVisibility.INTERNAL).translationGroup("drivers").build());
      search.refresh();
      SearchResult r = search.search(KnowledgeQuery.builder("printer").locale(DA, Locale.ENGLISH).facets(true).build(),
          SearchAudience.publicOnly());
      // the Danish "drivers" translation is internal, so the customer gets the English one
      assertThat(titles(r)).containsExactlyInAnyOrder("Printer opsætning", "Printer drivers");
      assertThat(r.total()).isEqualTo(2);
      assertThat(r.facets().locales()).containsEntry("da", 1L).containsEntry("en", 1L);
    }

    @Test
    @DisplayName("suggestions complete title words, accent-insensitive")
    void suggestions() {
      add(article(Locale.ENGLISH, "Reset your password", "x"));
      add(article(Locale.ENGLISH, "Password rules", "x"));
      add(article(Locale.ENGLISH, "Passport photos", "x"));
      add(article(DA, "Skærmopløsning", "x"));
      search.refresh();
      assertThat(search.suggest("passw", Locale.ENGLISH, SearchAudience.publicOnly(), 10)).extracting(Suggestion::title)
          .containsExactlyInAnyOrder("Reset your password", "Password rules");
      assertThat(search.suggest("password re", Locale.ENGLISH, SearchAudience.publicOnly(), 10)).extracting(Suggestion::title)
          .containsExactly("Reset your password");
      assertThat(search.suggest("skaerm", DA, SearchAudience.publicOnly(), 10)).extracting(Suggestion::title)
          .containsExactly("Skærmopløsning");
    }

    @Test
    @DisplayName("ticket deflection and similar articles")
    void deflection() {
      Article vpn = add(article(Locale.ENGLISH, "Connect to a VPN", "Open network settings and add a VPN connection."));
      Article vpn2 = add(article(Locale.ENGLISH, "VPN troubleshooting", "If the VPN connection fails, check the network."));
      add(article(Locale.ENGLISH, "Change wallpaper", "Right-click the desktop and choose a background."));
      search.refresh();
      List<SearchHit> hits = search.articlesForText(
          "Hello, since this morning I cannot connect to the company VPN, the connection fails every time. Regards",
          Locale.ENGLISH, SearchAudience.publicOnly(), 5);
      assertThat(hits.subList(0, 2)).extracting(SearchHit::articleId).containsExactlyInAnyOrder(vpn.id(), vpn2.id());
      assertThat(search.similar(vpn.id(), SearchAudience.publicOnly(), 5)).extracting(SearchHit::articleId)
          .first().isEqualTo(vpn2.id());
    }
  }

  @Nested
  @DisplayName("near-real-time and durability")
  class Durability {
    @Test
    @DisplayName("a change is searchable within a second without an explicit refresh")
    void nearRealTime() throws Exception {
      Article a = add(article(Locale.ENGLISH, "Quokka care", "quokka"));
      long deadline = System.nanoTime() + 1_000_000_000L;
      long total = 0;
      while (System.nanoTime() < deadline && total == 0) {
        total = search.search(KnowledgeQuery.builder("quokka").build(), SearchAudience.publicOnly()).total();
        Thread.sleep(20);
      }
      assertThat(total).isEqualTo(1);
      search.delete(a.id());
      deadline = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < deadline && total == 1) {
        total = search.search(KnowledgeQuery.builder("quokka").build(), SearchAudience.publicOnly()).total();
        Thread.sleep(20);
      }
      assertThat(total).isZero();
    }

    @Test
    @DisplayName("after a crash, committed documents and cursor survive, uncommitted ones vanish, replay restores them")
    void crash() throws Exception {
      search.close();
      MockDirectoryWrapper mock = new MockDirectoryWrapper(new Random(42), new ByteBuffersDirectory());
      mock.setCheckIndexOnClose(false);
      InMemoryArticleStore store = new InMemoryArticleStore();
      LuceneKnowledgeSearch first = LuceneKnowledgeSearch.builder(mock).commitInterval(java.time.Duration.ofMinutes(10)).build();
      KnowledgeIndexer indexer = new KnowledgeIndexer(store, first);
      store.save(article(Locale.ENGLISH, "Committed one", "alpha"), 0);
      indexer.catchUp();
      first.commit();
      assertThat(first.appliedSequence()).isEqualTo(1);
      store.save(article(Locale.ENGLISH, "Uncommitted two", "alpha"), 0);
      indexer.catchUp();
      first.refresh();
      assertThat(first.search(KnowledgeQuery.builder("alpha").build(), SearchAudience.publicOnly()).total()).isEqualTo(2);
      mock.crash(); // drops everything not fsynced by a commit
      mock.clearCrash();
      // the crashed instance is abandoned; a new node opens the same files
      Directory survivor = new ByteBuffersDirectory();
      for (String f : mock.listAll()) {
        if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
          survivor.copyFrom(mock, f, f, org.apache.lucene.store.IOContext.DEFAULT);
        }
      }
      search = LuceneKnowledgeSearch.builder(survivor).build();
      assertThat(search.rebuilt()).isFalse();
      assertThat(search.appliedSequence()).isEqualTo(1);
      assertThat(find("alpha", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isEqualTo(1);
      new KnowledgeIndexer(store, search).catchUp();
      assertThat(find("alpha", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isEqualTo(2);
      search.commit();
      assertThat(search.appliedSequence()).isEqualTo(2);
    }

    @Test
    @DisplayName("concurrent indexing and searching is safe")
    void concurrency() throws Exception {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            search.index(article(Locale.ENGLISH, "Concurrent " + thread + " " + i, "shared words"));
            search.search(KnowledgeQuery.builder("shared").build(), SearchAudience.publicOnly());
            search.suggest("conc", Locale.ENGLISH, SearchAudience.publicOnly(), 5);
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(find("shared", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isEqualTo(200);
    }

    @Test
    @DisplayName("reopening keeps committed documents and the cursor; close commits")
    void reopen(@TempDir Path tmp) {
      search.close();
      LuceneKnowledgeSearch first = LuceneKnowledgeSearch.builder(tmp).build();
      first.index(article(Locale.ENGLISH, "Durable", "beta"));
      first.markApplied(7);
      first.close();
      search = LuceneKnowledgeSearch.builder(tmp).build();
      assertThat(search.rebuilt()).isFalse();
      assertThat(search.appliedSequence()).isEqualTo(7);
      assertThat(find("beta", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second writer on the same index is refused")
    void singleWriter(@TempDir Path tmp) {
      search.close();
      search = LuceneKnowledgeSearch.builder(tmp).build();
      assertThatThrownBy(() -> LuceneKnowledgeSearch.builder(tmp).build()).isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("an index with another schema version is rebuilt from the store")
    void schemaRebuild() throws Exception {
      search.close();
      Directory old = new ByteBuffersDirectory();
      try (IndexWriter w = new IndexWriter(old, new IndexWriterConfig())) {
        w.addDocument(new org.apache.lucene.document.Document());
        w.setLiveCommitData(Map.of(LuceneKnowledgeSearch.SCHEMA_KEY, "0", LuceneKnowledgeSearch.SEQUENCE_KEY, "99").entrySet());
        w.commit();
      }
      InMemoryArticleStore store = new InMemoryArticleStore();
      store.save(article(Locale.ENGLISH, "From the store", "gamma"), 0);
      search = LuceneKnowledgeSearch.builder(old).source(store).build();
      assertThat(search.rebuilt()).isTrue();
      assertThat(search.appliedSequence()).isEqualTo(1);
      assertThat(find("gamma", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isEqualTo(1);
    }

    @Test
    @DisplayName("an index with any one file deleted, truncated or altered is set aside and rebuilt from the store")
    void damagedFiles(@TempDir Path tmp) throws Exception {
      search.close();
      InMemoryArticleStore store = new InMemoryArticleStore();
      for (int i = 0; i < 20; i++) {
        store.save(article(Locale.ENGLISH, "Article " + i, "body text delta" + i), 0);
      }
      Path path = tmp.resolve("kb");
      search = LuceneKnowledgeSearch.builder(path).source(store).build();
      search.close();
      List<String> kinds = List.of("delete", "truncate", "flip");
      int round = 0;
      for (; round < 9; round++) {
        List<String> files;
        try (var s = java.nio.file.Files.list(path)) {
          files = s.map(p -> p.getFileName().toString()).filter(f -> !f.equals("write.lock")).sorted().toList();
        }
        String file = files.get(round % files.size());
        String damage = kinds.get(round % kinds.size());
        Path f = path.resolve(file);
        byte[] bytes = java.nio.file.Files.readAllBytes(f);
        switch (damage) {
          case "delete" -> java.nio.file.Files.delete(f);
          case "truncate" -> java.nio.file.Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
          default -> {
            byte[] b = bytes.clone();
            b[b.length / 2] ^= 0x5a;
            java.nio.file.Files.write(f, b);
          }
        }
        String as = damage + " " + file;
        search = LuceneKnowledgeSearch.builder(path).source(store).build();
        assertThat(search.rebuilt()).as(as).isTrue();
        assertThat(search.appliedSequence()).as(as).isEqualTo(20);
        assertThat(find("delta7", Locale.ENGLISH, SearchAudience.publicOnly()).total()).as(as).isEqualTo(1);
        search.close();
        // the rebuilt index opens cleanly again
        search = LuceneKnowledgeSearch.builder(path).source(store).build();
        assertThat(search.rebuilt()).as(as + ", reopened").isFalse();
        search.close();
      }
      assertThat(round).isGreaterThan(0);
      // the damaged copies were set aside next to the index, not thrown away
      try (var s = java.nio.file.Files.list(tmp)) {
        assertThat(s.filter(p -> p.getFileName().toString().startsWith("kb.damaged-")).count()).isEqualTo(round);
      }
      search = LuceneKnowledgeSearch.builder(new ByteBuffersDirectory()).build();
    }

    @Test
    @DisplayName("each kind of damage to the data files of an in-memory index is rebuilt from the store")
    void damageKinds() throws Exception {
      search.close();
      InMemoryArticleStore store = new InMemoryArticleStore();
      store.save(article(Locale.ENGLISH, "Stored", "epsilon"), 0);
      for (String damage : List.of("delete", "truncate", "flip")) {
        ByteBuffersDirectory d = new ByteBuffersDirectory();
        search = LuceneKnowledgeSearch.builder(d).source(store).build();
        search.close();
        for (String f : d.listAll()) {
          if (f.startsWith("segments") || f.equals("write.lock")) {
            continue;
          }
          byte[] bytes;
          try (var in = d.openInput(f, org.apache.lucene.store.IOContext.DEFAULT)) {
            bytes = new byte[(int) in.length()];
            in.readBytes(bytes, 0, bytes.length);
          }
          d.deleteFile(f);
          if (!damage.equals("delete")) {
            byte[] b = damage.equals("truncate") ? java.util.Arrays.copyOf(bytes, bytes.length / 2) : bytes.clone();
            if (damage.equals("flip")) {
              b[b.length / 2] ^= 0x5a;
            }
            try (var out = d.createOutput(f, org.apache.lucene.store.IOContext.DEFAULT)) {
              out.writeBytes(b, b.length);
            }
          }
          break;
        }
        search = LuceneKnowledgeSearch.builder(d).source(store).build();
        assertThat(search.rebuilt()).as(damage).isTrue();
        assertThat(find("epsilon", Locale.ENGLISH, SearchAudience.publicOnly()).total()).as(damage).isEqualTo(1);
        search.close();
      }
      search = LuceneKnowledgeSearch.builder(new ByteBuffersDirectory()).build();
    }

    @Test
    @DisplayName("an index kept while its store was emptied or replaced is rebuilt: no ghost, no article twice, on every run")
    void ghostsOfAnotherStore(@TempDir Path tmp) {
      search.close();
      Path path = tmp.resolve("kb");
      InMemoryArticleStore previous = null;
      for (int run = 1; run <= 3; run++) {
        // each run starts with a fresh database that seeds the same article under a new id
        InMemoryArticleStore store = new InMemoryArticleStore();
        Article seeded = store.save(article(Locale.ENGLISH, "Seeded welcome", "welcome zeta"), 0);
        search = LuceneKnowledgeSearch.builder(path).source(store).build();
        assertThat(search.rebuilt()).as("run %d", run).isEqualTo(true);
        SearchResult r = find("zeta", Locale.ENGLISH, SearchAudience.publicOnly());
        assertThat(r.total()).as("run %d", run).isEqualTo(1);
        assertThat(r.hits()).extracting(SearchHit::articleId).containsExactly(seeded.id());
        search.close();
        previous = store;
      }
      // the same store again: the index is kept, and follows an edit made while it was closed
      InMemoryArticleStore last = previous;
      Article only = last.get(last.changesSince(0, 10).get(0).articleId());
      last.save(only.toBuilder().body("welcome zeta eta").build(), only.revision());
      search = LuceneKnowledgeSearch.builder(path).source(last).build();
      assertThat(search.rebuilt()).isFalse();
      assertThat(find("eta", Locale.ENGLISH, SearchAudience.publicOnly()).hits()).extracting(SearchHit::articleId).containsExactly(only.id());
      search.close();
      // an emptied store: nothing is found any more
      search = LuceneKnowledgeSearch.builder(path).source(new InMemoryArticleStore()).build();
      assertThat(search.rebuilt()).isTrue();
      assertThat(find("zeta", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isZero();
    }

    @Test
    @DisplayName("a corrupt index is recreated")
    void corrupt() throws Exception {
      search.index(article(Locale.ENGLISH, "x", "y"));
      search.close();
      for (String f : dir.listAll()) {
        if (f.startsWith("segments")) {
          try (var out = dir.createOutput(f + ".tmp", org.apache.lucene.store.IOContext.DEFAULT)) {
            out.writeString("garbage");
          }
          dir.deleteFile(f);
          dir.rename(f + ".tmp", f);
        }
      }
      search = LuceneKnowledgeSearch.builder(dir).build();
      assertThat(search.rebuilt()).isTrue();
      assertThat(find("y", Locale.ENGLISH, SearchAudience.publicOnly()).total()).isZero();
    }
  }
}
