package dev.frontline.helpdesk.knowledge;

import static dev.frontline.helpdesk.knowledge.KbWorld.T1;
import static dev.frontline.helpdesk.knowledge.KbWorld.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The knowledge permission matrix: every kind of principal and knowledge role, against articles of
 * every visibility, status and two categories, for every knowledge operation, with and without
 * per-category rules (RT CVE-2012-4731). The expected outcome comes from the {@link #canRead},
 * {@link #mayStore} and {@link #writeOutcome} oracles, written here from the rules documented on
 * {@link KnowledgePermissions#builder}, never from the implementation. Writes run on a fresh world
 * each; reads share one world holding every article.
 */
@DisplayName("Knowledge permission matrix")
class KnowledgePermissionMatrixTest {

  /** What a call may end in. */
  enum Outcome {
    ALLOWED("is allowed"),
    NOT_FOUND("is told the article does not exist"),
    DENIED("is denied");

    final String phrase;

    Outcome(String phrase) {
      this.phrase = phrase;
    }
  }

  enum Kind { ANONYMOUS, CUSTOMER, SYSTEM, AGENT }

  /**
   * A principal and what the documented rules give it. The rights are stated here by hand from the
   * role definitions in {@link dev.frontline.helpdesk.access.Roles} and {@link KbWorld}.
   */
  record Who(String name, Kind kind, boolean identified, boolean readInternal, boolean write, boolean publish, Set<TeamId> teams,
      Function<KbWorld, Principal> make) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Who agent(String name, Set<String> roles, Set<TeamId> teams, boolean active, boolean readInternal,
      boolean write, boolean publish) {
    return new Who(name, Kind.AGENT, active, readInternal, write, publish, active ? teams : Set.of(),
        w -> w.agent(name, roles, teams, active));
  }

  static final List<Who> WHO = List.of(
      new Who("anonymous", Kind.ANONYMOUS, false, false, false, false, Set.of(), w -> Principal.anonymous()),
      new Who("customer", Kind.CUSTOMER, true, false, false, false, Set.of(), w -> Principal.customer(CustomerId.of("alice"))),
      new Who("system", Kind.SYSTEM, true, true, true, true, Set.of(T1, T2), w -> w.system),
      new Who("unknown agent", Kind.AGENT, false, false, false, false, Set.of(), w -> Principal.agent(AgentId.of("ghost"))),
      agent("inactive-admin", Set.of("admin"), Set.of(T1), false, false, false, false),
      agent("no-roles", Set.of(), Set.of(T1), true, false, false, false),
      agent("agent-t1", Set.of("agent"), Set.of(T1), true, true, false, false),
      agent("observer-t1", Set.of("observer"), Set.of(T1), true, false, false, false),
      agent("supervisor-t1", Set.of("supervisor"), Set.of(T1), true, true, false, false),
      agent("editor-t1", Set.of("knowledge-editor"), Set.of(T1), true, true, true, true),
      agent("editor-t2", Set.of("knowledge-editor"), Set.of(T2), true, true, true, true),
      agent("editor-no-team", Set.of("knowledge-editor"), Set.of(), true, true, true, true),
      agent("admin-t1", Set.of("admin"), Set.of(T1), true, true, true, true),
      agent("writer-t1", Set.of("kb-writer"), Set.of(T1), true, false, true, false),
      agent("publisher-t1", Set.of("kb-publisher"), Set.of(T1), true, true, false, true),
      agent("reader-t1t2", Set.of("kb-reader"), Set.of(T1, T2), true, true, false, false));

  /** Per-category configurations: prefix to teams; empty for no rules. */
  static final Map<String, Map<String, Set<TeamId>>> CONFIGS = Map.of(
      "without category rules", Map.of(),
      "with category rules (billing: t2, everything else: t1)", Map.of("billing", Set.of(T2), "", Set.of(T1)));

  static final List<ArticleVisibility> VISIBILITIES = List.of(
      ArticleVisibility.PUBLIC, ArticleVisibility.INTERNAL,
      ArticleVisibility.restrictedTo(Set.of(T1)), ArticleVisibility.restrictedTo(Set.of(T2)));
  static final List<List<String>> CATEGORIES = List.of(List.of("billing", "invoices"), List.of("general"));

  // ------------------------------------------------------------------ the rules, restated

  /** Who reads what: documented on {@link KnowledgePermissions#builder}. */
  static boolean canRead(Who who, Article a) {
    if (who.kind() == Kind.SYSTEM) {
      return true;
    }
    if (a.status() != ArticleStatus.PUBLISHED && !who.write()) {
      return false; // drafts and archived articles: editors only
    }
    return switch (a.visibility().level()) {
      case PUBLIC -> true;
      case INTERNAL -> who.readInternal();
      case RESTRICTED -> who.readInternal() && a.visibility().teams().stream().anyMatch(who.teams()::contains);
    };
  }

  static boolean categoryAllows(Who who, Map<String, Set<TeamId>> rules, List<String> category) {
    if (rules.isEmpty()) {
      return true;
    }
    String path = String.join("/", category);
    String best = null;
    for (String prefix : rules.keySet()) {
      boolean covers = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
      if (covers && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best != null && rules.get(best).stream().anyMatch(who.teams()::contains);
  }

  static boolean mayStore(Who who, Map<String, Set<TeamId>> rules, @Nullable Article existing, @Nullable Article updated) {
    if (who.kind() == Kind.SYSTEM) {
      return true;
    }
    boolean live = (existing != null && existing.status() != ArticleStatus.DRAFT)
        || (updated != null && updated.status() != ArticleStatus.DRAFT);
    boolean holds = live ? who.publish() : who.write();
    return holds
        && (existing == null || categoryAllows(who, rules, existing.categoryPath()))
        && (updated == null || categoryAllows(who, rules, updated.categoryPath()));
  }

  /** Hidden stays hidden; then the right; then the writer must be able to read what it stores. */
  static Outcome writeOutcome(Who who, Map<String, Set<TeamId>> rules, @Nullable Article existing, @Nullable Article updated) {
    if (existing != null && !canRead(who, existing)) {
      if (updated == null) {
        return Outcome.NOT_FOUND;
      }
      // a save answers exactly as for a free id, unless the caller could write this article there
      return mayStore(who, rules, null, updated) && canRead(who, updated) ? Outcome.NOT_FOUND : Outcome.DENIED;
    }
    if (!mayStore(who, rules, existing, updated)) {
      return Outcome.DENIED;
    }
    if (updated != null && !canRead(who, updated)) {
      return Outcome.DENIED;
    }
    return Outcome.ALLOWED;
  }

  // ------------------------------------------------------------------ the articles

  static String word(int i) {
    return "zx" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "wort";
  }

  static List<Article> articles() {
    List<Article> out = new ArrayList<>();
    int i = 0;
    for (ArticleVisibility v : VISIBILITIES) {
      for (ArticleStatus s : ArticleStatus.values()) {
        for (List<String> c : CATEGORIES) {
          String w = word(i++);
          out.add(Article.builder(Locale.ENGLISH, "Guide " + w).body(w + " printer toner common").visibility(v).status(s)
              .categoryPath(c).tags(Set.of("tag" + w)).build());
        }
      }
    }
    return out;
  }

  static String describe(Article a) {
    String v = a.visibility().level() == ArticleVisibility.Level.RESTRICTED
        ? "restricted to " + a.visibility().teams().iterator().next()
        : a.visibility().level().name().toLowerCase(Locale.ROOT);
    return v + " " + a.status().name().toLowerCase(Locale.ROOT) + " article in " + String.join("/", a.categoryPath());
  }

  static String uniqueWord(Article a) {
    return a.title().substring("Guide ".length());
  }

  interface Call {
    void run();
  }

  static Outcome outcome(Call c) {
    try {
      c.run();
      return Outcome.ALLOWED;
    } catch (NotFoundException e) {
      return Outcome.NOT_FOUND;
    } catch (AccessDeniedException e) {
      return Outcome.DENIED;
    }
  }

  // ------------------------------------------------------------------ reads

  @TestFactory
  @DisplayName("reads: by id, search, suggestions, deflection, similar, feedback")
  List<DynamicNode> reads() {
    KbWorld w = new KbWorld();
    List<Article> stored = articles().stream().map(w::put).toList();
    Article anchor = w.put(Article.builder(Locale.ENGLISH, "Anchor").body("printer toner common").status(ArticleStatus.PUBLISHED).build());
    List<DynamicNode> out = new ArrayList<>();
    for (Who who : WHO) {
      Principal p = who.make().apply(w);
      List<DynamicNode> tests = new ArrayList<>();
      for (Article a : stored) {
        boolean visible = canRead(who, a);
        Outcome expected = visible ? Outcome.ALLOWED : Outcome.NOT_FOUND;
        String what = describe(a);
        tests.add(dynamicTest("read by id of a " + what + " " + expected.phrase, () -> {
          int mark = w.denials.size();
          assertThat(outcome(() -> w.kb.get(p, a.id()))).isEqualTo(expected);
          assertThat(w.kb.find(p, a.id()).isPresent()).isEqualTo(visible);
          if (!visible) {
            assertThat(w.denialsSince(mark)).isNotEmpty().allSatisfy(d -> assertThat(d.principal()).isEqualTo(p));
          }
        }));
        tests.add(dynamicTest("search for the title word of a " + what + (visible ? " finds it" : " finds nothing: no hit, count or facet"), () -> {
          SearchResult r = w.kb.search(p, KnowledgeQuery.builder(uniqueWord(a)).facets(true).build());
          if (visible) {
            assertThat(r.hits()).extracting(SearchHit::articleId).containsExactly(a.id());
            assertThat(r.total()).isEqualTo(1);
            assertThat(r.facets().tags()).containsEntry("tag" + uniqueWord(a), 1L);
          } else {
            assertThat(r.total()).isZero();
            assertThat(r.hits()).isEmpty();
            assertThat(r.facets().categories()).isEmpty();
            assertThat(r.facets().tags()).isEmpty();
            assertThat(r.facets().locales()).isEmpty();
          }
        }));
        tests.add(dynamicTest("suggestions for the title prefix of a " + what + (visible ? " include it" : " leave it out"), () -> {
          List<Suggestion> s = w.kb.suggest(p, uniqueWord(a).substring(0, 5), null, 50);
          assertThat(s.stream().anyMatch(x -> x.articleId().equals(a.id()))).isEqualTo(visible);
        }));
        tests.add(dynamicTest("deflection for a text with the word of a " + what + (visible ? " offers it" : " leaves it out"), () -> {
          List<SearchHit> h = w.kb.articlesForText(p, "my " + uniqueWord(a) + " is broken", null, 50);
          assertThat(h.stream().anyMatch(x -> x.articleId().equals(a.id()))).isEqualTo(visible);
        }));
        tests.add(dynamicTest("similar articles of a " + what + " " + expected.phrase + "; similar to a public one lists it only if readable", () -> {
          assertThat(outcome(() -> w.kb.similar(p, a.id(), 50))).isEqualTo(expected);
          List<SearchHit> h = w.kb.similar(p, anchor.id(), 50);
          assertThat(h.stream().anyMatch(x -> x.articleId().equals(a.id()))).isEqualTo(visible);
        }));
        // KB_FEEDBACK: known principals only (anonymous visitors, unknown and inactive agents are refused)
        Outcome vote = !visible ? Outcome.NOT_FOUND : who.identified() ? Outcome.ALLOWED : Outcome.DENIED;
        tests.add(dynamicTest("feedback on a " + what + " " + vote.phrase, () ->
            assertThat(outcome(() -> w.kb.feedback(p, a.id(), true))).isEqualTo(vote)));
      }
      out.add(dynamicContainer(who.name(), tests));
    }
    return out;
  }

  // ------------------------------------------------------------------ writes

  enum WriteAction {
    CREATE("create"), EDIT("edit"), PUBLISH("publish"), ARCHIVE("archive"), DELETE("delete");

    final String verb;

    WriteAction(String verb) {
      this.verb = verb;
    }
  }

  @TestFactory
  @DisplayName("writes: create, edit, publish, archive, delete")
  List<DynamicNode> writes() {
    List<DynamicNode> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Set<TeamId>>> config : CONFIGS.entrySet()) {
      Map<String, Set<TeamId>> rules = config.getValue();
      UnaryOperator<KnowledgePermissions.Builder> configure = rules.isEmpty() ? null : b -> {
        rules.forEach(b::categoryEditors);
        return b;
      };
      List<DynamicNode> perWho = new ArrayList<>();
      for (Who who : WHO) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Article template : articles()) {
          for (WriteAction action : WriteAction.values()) {
            Article existing = action == WriteAction.CREATE ? null : template;
            Article updated = switch (action) {
              case CREATE -> template;
              case EDIT -> template.toBuilder().body("changed body").build();
              case PUBLISH -> template.toBuilder().status(ArticleStatus.PUBLISHED).build();
              case ARCHIVE -> template.toBuilder().status(ArticleStatus.ARCHIVED).build();
              case DELETE -> null;
            };
            Outcome expected = writeOutcome(who, rules, existing, updated);
            tests.add(dynamicTest(action.verb + " a " + describe(template) + " " + expected.phrase, () -> {
              KbWorld w = new KbWorld(configure);
              Principal p = who.make().apply(w);
              Article before = existing == null ? null : w.put(existing);
              int mark = w.denials.size();
              Outcome actual = outcome(() -> {
                if (updated == null) {
                  w.kb.delete(p, template.id(), before.revision());
                } else {
                  w.kb.save(p, updated, before == null ? 0 : before.revision());
                }
              });
              assertThat(actual).isEqualTo(expected);
              Article after = w.store.find(template.id()).orElse(null);
              if (expected == Outcome.ALLOWED) {
                if (updated == null) {
                  assertThat(after).isNull();
                } else {
                  assertThat(after).isNotNull();
                  assertThat(after.status()).isEqualTo(updated.status());
                  assertThat(after.body()).isEqualTo(updated.body());
                  assertThat(after.author()).isEqualTo(p.describe());
                }
              } else {
                assertThat(after).isEqualTo(before); // nothing changed
                assertThat(w.denialsSince(mark)).isNotEmpty().allSatisfy(d -> assertThat(d.principal()).isEqualTo(p));
              }
            }));
          }
        }
        perWho.add(dynamicContainer(who.name(), tests));
      }
      out.add(dynamicContainer(config.getKey(), perWho));
    }
    return out;
  }
}
