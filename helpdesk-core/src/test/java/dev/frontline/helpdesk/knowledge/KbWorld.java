package dev.frontline.helpdesk.knowledge;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
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
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryKnowledgeSearch;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A knowledge base wired to a real {@link Helpdesk}: teams T1 and T2 (tiers 1 and 2), every
 * built-in role plus three custom knowledge roles, in-memory stores and search, and the
 * access-control-backed permissions (optionally with per-category rules). Denials are collected in
 * {@link #denials}.
 */
final class KbWorld {
  static final TeamId T1 = TeamId.of("t1");
  static final TeamId T2 = TeamId.of("t2");
  /** Custom role: may write drafts, nothing else. */
  static final Role KB_WRITER = Role.of("kb-writer", Scope.OWN, Permission.KB_WRITE);
  /** Custom role: may publish and read internal articles, but not write drafts. */
  static final Role KB_PUBLISHER = Role.of("kb-publisher", Scope.OWN, Permission.KB_PUBLISH, Permission.KB_READ_INTERNAL);
  /** Custom role: reads internal articles only. */
  static final Role KB_READER = Role.of("kb-reader", Scope.OWN, Permission.KB_READ_INTERNAL);

  final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
  final InMemoryArticleStore store = new InMemoryArticleStore();
  final InMemoryKnowledgeSearch search = new InMemoryKnowledgeSearch();
  final List<AccessDecision> denials = new CopyOnWriteArrayList<>();
  final Helpdesk helpdesk;
  final KnowledgeService kb;
  final Principal system = Principal.system("test");

  /** @param rules adds per-category rules, or null for none */
  KbWorld(UnaryOperator<KnowledgePermissions.Builder> rules) {
    directory.saveTier(new SupportTier(1, "First line", T1));
    directory.saveTier(new SupportTier(2, "Second line", T2));
    directory.saveTeam(new Team(T1, "Team 1", 1));
    directory.saveTeam(new Team(T2, "Team 2", 2));
    Roles.defaults().forEach(directory::saveRole);
    directory.saveRole(KB_WRITER);
    directory.saveRole(KB_PUBLISHER);
    directory.saveRole(KB_READER);
    directory.saveCustomer(Customer.of(CustomerId.of("alice"), "Alice", "alice@a.example"));
    Helpdesk.Builder hb =
        Helpdesk.builder().stores(InMemoryStores.builder().ticketStore(new InMemoryTicketStore()).directoryStore(directory)
                .blobStore(new InMemoryBlobStore()).articleStore(store).build())
            .clock(Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC))
            .accessListener(denials::add)
            .knowledgeSearch(search);
    if (rules != null) {
      hb.knowledgePermissions(a -> rules.apply(KnowledgePermissions.builder(a)).build());
    }
    helpdesk = hb.build();
    kb = helpdesk.knowledge();
  }

  KbWorld() {
    this(null);
  }

  Principal agent(String id, Set<String> roles, Set<TeamId> teams, boolean active) {
    Map<TeamId, TeamAccess> access = new LinkedHashMap<>();
    teams.forEach(t -> access.put(t, TeamAccess.READ));
    directory.saveAgent(new Agent(AgentId.of(id), id, id + "@example.com", roles, access, Set.of(), Set.of(), active));
    return Principal.agent(AgentId.of(id));
  }

  /** Stores an article as the system principal (no permission check applies). */
  Article put(Article a) {
    return kb.save(system, a, 0);
  }

  List<AccessDecision> denialsSince(int mark) {
    return new ArrayList<>(denials.subList(mark, denials.size()));
  }
}
