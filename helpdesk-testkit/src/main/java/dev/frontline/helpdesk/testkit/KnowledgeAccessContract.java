package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.AccessDecision;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Role;
import dev.frontline.helpdesk.access.Roles;
import dev.frontline.helpdesk.access.Scope;
import dev.frontline.helpdesk.access.TeamAccess;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import dev.frontline.helpdesk.knowledge.ArticleVisibility;
import dev.frontline.helpdesk.knowledge.KnowledgePermissions;
import dev.frontline.helpdesk.knowledge.KnowledgeQuery;
import dev.frontline.helpdesk.knowledge.KnowledgeService;
import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.knowledge.SearchResult;
import dev.frontline.helpdesk.knowledge.Suggestion;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The knowledge cases of the security table ({@code SECURITY.md}) run through a {@link
 * KnowledgeService} wired to a real {@link Helpdesk}'s access control, against the {@link
 * KnowledgeSearch} under test: OTRS CVE-2017-16854/CVE-2018-11563 (internal text never reaches
 * customers through search, snippets or suggestions), RT CVE-2012-4731 (write and publish rights per
 * category), Zammad #2757 / Frappe Helpdesk #2947 ("can read", "appears in search" and "appears in
 * suggestions" agree; a randomized test that prints its seed, rerun with {@code
 * -Dfrontline.seed=N}).
 */
public abstract class KnowledgeAccessContract {
  /** Team 1. */
  protected static final TeamId T1 = TeamId.of("t1");
  /** Team 2. */
  protected static final TeamId T2 = TeamId.of("t2");
  /** Team 3. */
  protected static final TeamId T3 = TeamId.of("t3");
  private static final List<TeamId> TEAMS = List.of(T1, T2, T3);

  private KnowledgeSearch search;
  private InMemoryDirectoryStore directory;
  private Helpdesk helpdesk;
  private KnowledgeService kb;
  private final List<AccessDecision> denials = new CopyOnWriteArrayList<>();
  private final Principal system = Principal.system("test");
  private final Principal anonymous = Principal.anonymous();
  private Principal customer;
  private Principal agentT1;
  private Principal agentT2;
  private Principal editorT1;
  private Principal editorT2;

  /** Subclasses need no-arg constructors. */
  protected KnowledgeAccessContract() {}

  /** @return a new, empty search */
  protected abstract KnowledgeSearch newSearch();

  /**
   * Makes everything indexed so far searchable; near-real-time implementations refresh here.
   *
   * @param s the search
   */
  protected void makeSearchable(KnowledgeSearch s) {}

  /**
   * @return whether the search corrects typos by matching similar words; if so, the contract also
   *     checks that a word only invisible articles contain is still treated as a typo
   */
  protected boolean correctsTypos() {
    return false;
  }

  private InMemoryStores stores;

  /** @return a builder of a helpdesk node on this contract's stores and search */
  private Helpdesk.Builder node() {
    return Helpdesk.builder().stores(stores)
        .clock(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC))
        .accessListener(denials::add)
        .knowledgeSearch(search);
  }

  @BeforeEach
  void wire() {
    search = newSearch();
    directory = new InMemoryDirectoryStore();
    int tier = 1;
    for (TeamId t : TEAMS) {
      directory.saveTier(new SupportTier(tier, "Tier " + tier, t));
      directory.saveTeam(new Team(t, "Team " + t.value(), tier));
      tier++;
    }
    Roles.defaults().forEach(directory::saveRole);
    directory.saveCustomer(Customer.of(CustomerId.of("alice"), "Alice", "alice@example.com"));
    customer = Principal.customer(CustomerId.of("alice"));
    agentT1 = agent("agent-t1", Set.of("agent"), Set.of(T1), true);
    agentT2 = agent("agent-t2", Set.of("agent"), Set.of(T2), true);
    editorT1 = agent("editor-t1", Set.of("knowledge-editor"), Set.of(T1), true);
    editorT2 = agent("editor-t2", Set.of("knowledge-editor"), Set.of(T2), true);
    stores = InMemoryStores.builder().directoryStore(directory).build();
    helpdesk = node().build();
    kb = helpdesk.knowledge();
  }

  @AfterEach
  void release() {
    search.close();
  }

  private Principal agent(String id, Set<String> roles, Set<TeamId> teams, boolean active) {
    Map<TeamId, TeamAccess> access = new LinkedHashMap<>();
    teams.forEach(t -> access.put(t, TeamAccess.REPLY));
    directory.saveAgent(new Agent(AgentId.of(id), id, id + "@example.com", roles, access, Set.of(), Set.of(), active));
    return Principal.agent(AgentId.of(id));
  }

  private Article put(String title, String body, ArticleVisibility v, ArticleStatus s, String category) {
    return kb.save(system, Article.builder(Locale.ENGLISH, title).body(body).visibility(v).status(s)
        .categoryPath(List.of(category)).tags(Set.of(category + "-tag")).build(), 0);
  }

  private SearchResult find(Principal p, String text) {
    makeSearchable(search);
    return kb.search(p, KnowledgeQuery.builder(text).facets(true).build());
  }

  private static List<ArticleId> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::articleId).toList();
  }

  /** Asserts that a reader learns nothing about a word: no hit, count, facet, snippet or suggestion. */
  private void learnsNothing(Principal p, String word, ArticleId hidden) {
    SearchResult r = find(p, word);
    assertThat(r.total()).as("total for %s", p.describe()).isZero();
    assertThat(r.hits()).isEmpty();
    assertThat(r.facets().categories()).isEmpty();
    assertThat(r.facets().tags()).isEmpty();
    assertThat(r.facets().locales()).isEmpty();
    assertThat(kb.suggest(p, word.substring(0, 6), null, 50)).extracting(Suggestion::articleId).doesNotContain(hidden);
    assertThat(ids(kb.articlesForText(p, "my " + word + " does not work", null, 50))).doesNotContain(hidden);
    assertThat(kb.find(p, hidden)).isEmpty();
    assertThatThrownBy(() -> kb.similar(p, hidden, 10)).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("OTRS CVE-2017-16854: a word only in an internal article gives customers and visitors no hit, count, facet, snippet or suggestion")
  void internalWordHidden() {
    Article pub = put("Printer setup", "Install the printer driver", ArticleVisibility.PUBLIC, ArticleStatus.PUBLISHED, "printing");
    Article internal = put("Printer quirkcode override", "printer quirkcode bypass for refunds",
        ArticleVisibility.INTERNAL, ArticleStatus.PUBLISHED, "secret");
    for (Principal p : List.of(customer, anonymous)) {
      learnsNothing(p, "quirkcode", internal.id());
      // a shared word finds the public article only; no snippet, facet or count betrays the other one
      SearchResult r = find(p, "printer");
      assertThat(ids(r.hits())).containsExactly(pub.id());
      assertThat(r.total()).isEqualTo(1);
      assertThat(r.hits()).allSatisfy(h -> {
        assertThat(h.snippet()).doesNotContainIgnoringCase("quirkcode").doesNotContainIgnoringCase("refund");
        assertThat(h.title()).doesNotContainIgnoringCase("quirkcode");
      });
      assertThat(r.facets().categories()).containsOnlyKeys("printing");
      assertThat(r.facets().tags()).containsOnlyKeys("printing-tag");
      assertThat(kb.suggest(p, "print", null, 50)).extracting(Suggestion::articleId).containsExactly(pub.id());
      assertThat(ids(kb.similar(p, pub.id(), 10))).doesNotContain(internal.id());
    }
    assertThat(ids(find(agentT1, "quirkcode").hits())).containsExactly(internal.id());
    assertThat(kb.suggest(agentT1, "quirkc", null, 50)).extracting(Suggestion::articleId).containsExactly(internal.id());
  }

  @Test
  @DisplayName("a word only in an article restricted to team 2 gives an agent of team 1 nothing; team 2 finds it")
  void restrictedWordHidden() {
    Article restricted = put("Escalation vortexkey runbook", "vortexkey steps for the second line",
        ArticleVisibility.restrictedTo(Set.of(T2)), ArticleStatus.PUBLISHED, "runbooks");
    for (Principal p : List.of(customer, anonymous, agentT1, editorT1)) {
      learnsNothing(p, "vortexkey", restricted.id());
    }
    for (Principal p : List.of(agentT2, editorT2, system)) {
      assertThat(ids(find(p, "vortexkey").hits())).as(p.describe()).containsExactly(restricted.id());
      assertThat(kb.suggest(p, "vortex", null, 50)).extracting(Suggestion::articleId).containsExactly(restricted.id());
      assertThat(ids(kb.articlesForText(p, "vortexkey problem", null, 50))).contains(restricted.id());
    }
  }

  @Test
  @DisplayName("a word only in a draft or archived article reaches editors only")
  void draftWordHidden() {
    Article draft = put("Upcoming nebulaword feature", "nebulaword preview", ArticleVisibility.PUBLIC, ArticleStatus.DRAFT, "news");
    Article archived = put("Retired cometword service", "cometword is gone", ArticleVisibility.PUBLIC, ArticleStatus.ARCHIVED, "news");
    for (Principal p : List.of(customer, anonymous, agentT1)) {
      learnsNothing(p, "nebulaword", draft.id());
      learnsNothing(p, "cometword", archived.id());
    }
    assertThat(ids(find(editorT1, "nebulaword").hits())).containsExactly(draft.id());
    assertThat(ids(find(editorT1, "cometword").hits())).containsExactly(archived.id());
  }

  @Test
  @DisplayName("typo correction: a misspelling of a hidden word finds nothing hidden, and words of hidden articles do not count as known")
  void typos() {
    Article pub = put("Printer drivers", "Install the printer driver", ArticleVisibility.PUBLIC, ArticleStatus.PUBLISHED, "printing");
    Article internal = put("Quirkcode override", "the quirkcode bypass; see printre notes",
        ArticleVisibility.INTERNAL, ArticleStatus.PUBLISHED, "secret");
    for (Principal p : List.of(customer, anonymous)) {
      assertThat(ids(find(p, "quirkcod").hits())).doesNotContain(internal.id());
      assertThat(ids(find(p, "quirkcodee").hits())).doesNotContain(internal.id());
      assertThat(ids(find(p, "printre").hits())).doesNotContain(internal.id());
      if (correctsTypos()) {
        // "printre" occurs only in the internal article: for a customer it is an unknown word, so the
        // typo correction must still lead to the public printer article
        assertThat(ids(find(p, "printre").hits())).containsExactly(pub.id());
      }
    }
  }

  @Test
  @DisplayName("RT CVE-2012-4731: writing and publishing are checked per category")
  void categoryRights() {
    KnowledgeService guarded = node()
        .knowledgePermissions(access -> KnowledgePermissions.builder(access).categoryEditors("billing", Set.of(T2)).build())
        .build().knowledge();
    Article billing = guarded.save(editorT2, Article.builder(Locale.ENGLISH, "Invoice corrections")
        .categoryPath(List.of("billing", "invoices")).build(), 0);
    int mark = denials.size();
    Article edit = billing.toBuilder().body("changed").build();
    assertThatThrownBy(() -> guarded.save(editorT1, edit, billing.revision())).isInstanceOf(AccessDeniedException.class);
    Article publish = billing.toBuilder().status(ArticleStatus.PUBLISHED).build();
    assertThatThrownBy(() -> guarded.save(editorT1, publish, billing.revision())).isInstanceOf(AccessDeniedException.class);
    assertThat(denials.subList(mark, denials.size())).hasSize(2).allSatisfy(d -> assertThat(d.principal()).isEqualTo(editorT1));
    // deny by default: no rule covers "general"
    assertThatThrownBy(() -> guarded.save(editorT2, Article.builder(Locale.ENGLISH, "Hello").categoryPath(List.of("general")).build(), 0))
        .isInstanceOf(AccessDeniedException.class);
    // moving an article out of a category needs the rights there too
    Article moved = guarded.save(editorT2, publish, billing.revision());
    assertThat(moved.status()).isEqualTo(ArticleStatus.PUBLISHED);
    Article out = moved.toBuilder().categoryPath(List.of("general")).build();
    assertThatThrownBy(() -> guarded.save(editorT2, out, moved.revision())).isInstanceOf(AccessDeniedException.class);
    // an agent without KB_WRITE cannot write anywhere; a hidden article's id looks free: writing
    // what one could not read is denied, as it would be under a free id, and a visible rewrite of it
    // looks missing
    Article hidden = guarded.save(system, Article.builder(Locale.ENGLISH, "Hidden").categoryPath(List.of("billing"))
        .visibility(ArticleVisibility.restrictedTo(Set.of(T1))).build(), 0);
    assertThatThrownBy(() -> guarded.save(editorT2, hidden.toBuilder().body("x").build(), hidden.revision()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> guarded.save(editorT2, hidden.toBuilder().body("x").visibility(ArticleVisibility.PUBLIC).build(), hidden.revision()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> guarded.save(agentT2, Article.builder(Locale.ENGLISH, "Nope").categoryPath(List.of("billing")).build(), 0))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @DisplayName("save gives a caller who could not write the article under a free id the same answer whether or not a hidden article has the id")
  void saveDoesNotRevealHiddenIds() {
    Article hidden = put("Hidden runbook", "secret steps", ArticleVisibility.restrictedTo(Set.of(T1)), ArticleStatus.PUBLISHED, "ops");
    Article hiddenDraft = put("Hidden draft", "draft steps", ArticleVisibility.PUBLIC, ArticleStatus.DRAFT, "ops");
    for (Principal p : List.of(customer, anonymous, agentT1, agentT2, editorT2)) {
      for (Article existing : List.of(hidden, hiddenDraft)) {
        if (kb.find(p, existing.id()).isPresent()) {
          continue; // not hidden from this caller
        }
        for (ArticleVisibility v : List.of(ArticleVisibility.PUBLIC, ArticleVisibility.INTERNAL, ArticleVisibility.restrictedTo(Set.of(T1)))) {
          for (ArticleStatus st : ArticleStatus.values()) {
            Article onHidden = existing.toBuilder().body("overwrite").visibility(v).status(st).build();
            Article free = Article.builder(Locale.ENGLISH, existing.title()).body("overwrite").visibility(v).status(st)
                .categoryPath(existing.categoryPath()).tags(existing.tags()).build();
            Throwable a = catchThrowable(() -> kb.save(p, onHidden, existing.revision()));
            Throwable b = catchThrowable(() -> kb.save(p, free, 0));
            if (b == null) {
              // the caller may write this under a free id; then a hidden id may only look missing
              assertThat(a).as("%s %s %s", p.describe(), v, st).isInstanceOf(NotFoundException.class);
              continue;
            }
            assertThat(a).as("%s %s %s", p.describe(), v, st).isNotNull();
            assertThat(a.getClass()).as("%s %s %s", p.describe(), v, st).isEqualTo(b.getClass());
            assertThat(String.valueOf(a.getMessage()).replace(onHidden.id().toString(), "ID"))
                .isEqualTo(String.valueOf(b.getMessage()).replace(free.id().toString(), "ID"));
          }
        }
      }
    }
    assertThat(kb.get(system, hidden.id()).body()).isEqualTo("secret steps");
    assertThat(kb.get(system, hiddenDraft.id()).body()).isEqualTo("draft steps");
  }

  @Test
  @DisplayName("read-your-writes: a saved article is found, an edit's new words too, and a deleted one is gone, as soon as the call returns")
  void readYourWrites() {
    for (int i = 0; i < 5; i++) {
      String w = "qzv" + (char) ('a' + i) + "marker";
      Article a = put("Guide " + w, "about " + w, ArticleVisibility.PUBLIC, ArticleStatus.PUBLISHED, "general");
      // no makeSearchable(): the service itself must make its writes searchable
      assertThat(ids(kb.search(customer, KnowledgeQuery.builder(w).build()).hits())).containsExactly(a.id());
      Article edited = kb.save(system, a.toBuilder().body("now about " + w + "edited").build(), a.revision());
      assertThat(ids(kb.search(agentT1, KnowledgeQuery.builder(w + "edited").build()).hits())).containsExactly(a.id());
      kb.delete(system, a.id(), edited.revision());
      assertThat(kb.search(customer, KnowledgeQuery.builder(w).build()).hits()).isEmpty();
    }
  }

  // ------------------------------------------------------------------ randomized agreement

  private static final String LETTERS = "bcdfghjkmnpqrtvwxz";

  private static String randomWord(Random rnd, Set<String> used) {
    while (true) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 9; i++) {
        b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
      }
      String w = b.toString();
      if (used.add(w.substring(0, 6))) {
        return w;
      }
    }
  }

  private static <T> Set<T> randomSubset(Random rnd, List<T> from) {
    Set<T> out = new HashSet<>();
    for (T t : from) {
      if (rnd.nextBoolean()) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  @DisplayName("Zammad #2757: for random principals, read by id, search by own title, suggestions, deflection and counts agree")
  void randomizedAgreement() {
    long seed = Long.getLong("frontline.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " knowledge agreement seed: " + seed + " (rerun with -Dfrontline.seed=" + seed + ")");
    Random rnd = new Random(seed);
    List<Permission> kbPermissions = List.of(Permission.KB_READ_INTERNAL, Permission.KB_WRITE, Permission.KB_PUBLISH);
    List<Principal> principals = new ArrayList<>(List.of(system, anonymous, customer, Principal.agent(AgentId.of("nobody"))));
    for (int i = 0; i < 10; i++) {
      Set<Permission> perms = randomSubset(rnd, kbPermissions);
      String role = "random-" + i;
      directory.saveRole(new Role(role, perms.isEmpty() ? Set.of() : EnumSet.copyOf(perms), Scope.values()[rnd.nextInt(4)]));
      Set<String> roles = new HashSet<>(Set.of(role));
      if (rnd.nextInt(4) == 0) {
        roles.add(Roles.defaults().get(rnd.nextInt(Roles.defaults().size())).name());
      }
      principals.add(agent("random-agent-" + i, roles, randomSubset(rnd, TEAMS), rnd.nextInt(6) != 0));
    }
    Set<String> used = new HashSet<>();
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ArticleVisibility v = switch (rnd.nextInt(3)) {
        case 0 -> ArticleVisibility.PUBLIC;
        case 1 -> ArticleVisibility.INTERNAL;
        default -> {
          Set<TeamId> teams = randomSubset(rnd, TEAMS);
          yield ArticleVisibility.restrictedTo(teams.isEmpty() ? Set.of(TEAMS.get(rnd.nextInt(3))) : teams);
        }
      };
      ArticleStatus s = ArticleStatus.values()[rnd.nextInt(3)];
      String w = randomWord(rnd, used);
      articles.add(put("Guide " + w, "common words " + w, v, s, "cat" + rnd.nextInt(3)));
    }
    makeSearchable(search);
    for (Principal p : principals) {
      int readable = 0;
      for (Article a : articles) {
        String w = a.title().substring("Guide ".length());
        boolean byId = kb.find(p, a.id()).isPresent();
        readable += byId ? 1 : 0;
        boolean inSearch = ids(kb.search(p, KnowledgeQuery.builder(w).page(0, 100).build()).hits()).contains(a.id());
        boolean inSuggest = kb.suggest(p, w.substring(0, 6), null, 50).stream().anyMatch(x -> x.articleId().equals(a.id()));
        boolean inDeflect = ids(kb.articlesForText(p, "help with " + w, null, 50)).contains(a.id());
        String where = "seed " + seed + ", " + p.describe() + ", " + a.visibility() + " " + a.status();
        assertThat(inSearch).as("search agrees with read by id: " + where).isEqualTo(byId);
        assertThat(inSuggest).as("suggestions agree with read by id: " + where).isEqualTo(byId);
        assertThat(inDeflect).as("deflection agrees with read by id: " + where).isEqualTo(byId);
      }
      SearchResult all = kb.search(p, KnowledgeQuery.builder("common").page(0, 100).build());
      assertThat(all.total()).as("count agrees with read by id: seed " + seed + ", " + p.describe()).isEqualTo(readable);
      for (SearchHit h : all.hits()) {
        assertThat(kb.find(p, h.articleId())).as("every hit is readable: seed " + seed).isPresent();
      }
    }
  }
}
