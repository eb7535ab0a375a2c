package dev.frontline.helpdesk.access;

import static dev.frontline.helpdesk.access.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.ticket.AttachmentContent;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The permission matrix: every built-in role, and the other kinds of principals, against every
 * ticket operation in every scope situation. The expected outcome comes from {@link Oracle}s written
 * here from the documented rules (the Javadoc of {@link AccessControl}, {@link Scope} and {@link
 * TeamAccess}), never from {@link AccessControl} itself. Each case runs on a fresh helpdesk.
 */
@DisplayName("Permission matrix")
class PermissionMatrixTest {

  /** What a call may end in. */
  enum Outcome {
    ALLOWED("is allowed"),
    NOT_FOUND("is told the ticket does not exist"),
    DENIED("is denied"),
    INVALID("passes the access check but is rejected as invalid");

    final String phrase;

    Outcome(String phrase) {
      this.phrase = phrase;
    }
  }

  // ------------------------------------------------------------------ the rules, restated

  /**
   * What each team access level lets through on the team's tickets, restated from the Javadoc of
   * {@link TeamAccess}.
   */
  static final Map<TeamAccess, Set<Permission>> LEVEL_ALLOWS = new EnumMap<>(TeamAccess.class);

  static {
    Set<Permission> read = EnumSet.of(TICKET_READ, TICKET_READ_INTERNAL);
    LEVEL_ALLOWS.put(TeamAccess.OVERVIEW, EnumSet.noneOf(Permission.class)); // listed, never opened
    LEVEL_ALLOWS.put(TeamAccess.READ, read);
    LEVEL_ALLOWS.put(TeamAccess.CREATE, plus(read, TICKET_CREATE));
    LEVEL_ALLOWS.put(TeamAccess.INTERNAL_NOTE, plus(read, TICKET_NOTE_INTERNAL));
    LEVEL_ALLOWS.put(TeamAccess.REPLY, plus(read, TICKET_CREATE, TICKET_NOTE_INTERNAL, TICKET_REPLY_PUBLIC));
    Set<Permission> change = EnumSet.allOf(Permission.class);
    change.removeAll(EnumSet.of(TICKET_MERGE, TICKET_SPLIT)); // those need FULL
    LEVEL_ALLOWS.put(TeamAccess.CHANGE, change);
    LEVEL_ALLOWS.put(TeamAccess.FULL, EnumSet.allOf(Permission.class));
  }

  /** The permission each target state needs, restated from {@link Permission}'s Javadoc. */
  static final Map<TicketState, Permission> STATE_NEEDS =
      Map.of(
          TicketState.OPEN, TICKET_SET_OPEN,
          TicketState.PENDING, TICKET_SET_PENDING,
          TicketState.ON_HOLD, TICKET_SET_ON_HOLD,
          TicketState.SOLVED, TICKET_SOLVE,
          TicketState.CLOSED, TICKET_CLOSE);

  /** Where a ticket stands relative to the acting principal. */
  sealed interface Situation permits AgentSituation, CustomerSituation {
    String description();
  }

  /**
   * A ticket seen from agent "me", who is a member of team T2A (tier 2) with access {@code level}.
   */
  record AgentSituation(
      String description, boolean assignedToMe, boolean myTeam, boolean myTier, TeamAccess level, int tier, @Nullable TeamId team)
      implements Situation {
    /** The new ticket a split of this one creates: same team and tier, nobody assigned. */
    AgentSituation unassigned() {
      return assignedToMe ? new AgentSituation("a new unassigned ticket of their team", false, team != null, true, level, tier, team) : this;
    }
  }

  /** A tier-2 ticket without team seen from customer Alice (org A). */
  record CustomerSituation(String description, CustomerId requester, boolean orgShares, boolean aliceFlag) implements Situation {
    boolean own() {
      return requester.equals(World.ALICE);
    }

    boolean orgMate() {
      return requester.equals(World.ANNA);
    }
  }

  static final AgentSituation ASSIGNED =
      new AgentSituation("a ticket assigned to them (team access READ)", true, true, true, TeamAccess.READ, 2, World.T2A);

  static List<AgentSituation> agentSituations() {
    List<AgentSituation> s = new ArrayList<>();
    s.add(ASSIGNED);
    for (TeamAccess level : TeamAccess.values()) {
      s.add(new AgentSituation("an unassigned ticket of their team with " + level + " access", false, true, true, level, 2, World.T2A));
    }
    s.add(new AgentSituation("a ticket of another team in their tier", false, false, true, TeamAccess.FULL, 2, World.T2B));
    s.add(new AgentSituation("a ticket of another tier and team", false, false, false, TeamAccess.FULL, 3, World.T3));
    s.add(new AgentSituation("an unassigned ticket without team in their tier", false, false, true, TeamAccess.FULL, 2, null));
    return s;
  }

  static List<CustomerSituation> customerSituations() {
    return List.of(
        new CustomerSituation("their own ticket", World.ALICE, true, true),
        new CustomerSituation("a colleague's ticket, org shares, customer may see org tickets", World.ANNA, true, true),
        new CustomerSituation("a colleague's ticket, org shares, customer flag off", World.ANNA, true, false),
        new CustomerSituation("a colleague's ticket, org does not share, customer flag on", World.ANNA, false, true),
        new CustomerSituation("a colleague's ticket, org does not share, customer flag off", World.ANNA, false, false),
        new CustomerSituation("another organization's ticket", World.BOB, true, true));
  }

  /** What the rules say a principal may do in a situation. */
  interface Oracle {
    boolean sees(Situation s);

    boolean may(Situation s, Permission p);
  }

  /** An agent: roles with scopes, capped by the team access level on its team's tickets. */
  record AgentOracle(List<Role> roles, boolean active) implements Oracle {
    static boolean reaches(Scope scope, AgentSituation s) {
      return switch (scope) {
        case OWN -> s.assignedToMe();
        case TEAM -> s.assignedToMe() || s.myTeam();
        case TIER -> s.assignedToMe() || s.myTeam() || s.myTier();
        case ALL -> true;
      };
    }

    @Override
    public boolean sees(Situation s) {
      AgentSituation a = (AgentSituation) s;
      return active && roles.stream().anyMatch(r -> r.permissions().contains(TICKET_READ) && reaches(r.scope(), a));
    }

    @Override
    public boolean may(Situation s, Permission p) {
      AgentSituation a = (AgentSituation) s;
      return sees(s)
          && roles.stream().anyMatch(r -> r.permissions().contains(p)
              && reaches(r.scope(), a)
              && (r.scope() == Scope.ALL || a.assignedToMe() || !a.myTeam() || LEVEL_ALLOWS.get(a.level()).contains(p)));
    }
  }

  /** A customer: own tickets (read, reply, solve) and shared organization tickets (read, reply). */
  record CustomerOracle() implements Oracle {
    @Override
    public boolean sees(Situation s) {
      CustomerSituation c = (CustomerSituation) s;
      return c.own() || (c.orgMate() && c.orgShares() && c.aliceFlag());
    }

    @Override
    public boolean may(Situation s, Permission p) {
      CustomerSituation c = (CustomerSituation) s;
      Set<Permission> rights = c.own() ? EnumSet.of(TICKET_READ, TICKET_REPLY_PUBLIC, TICKET_SOLVE) : EnumSet.of(TICKET_READ, TICKET_REPLY_PUBLIC);
      return sees(s) && rights.contains(p);
    }
  }

  /** The system principal may do everything; the anonymous one nothing. */
  record FixedOracle(boolean everything) implements Oracle {
    @Override
    public boolean sees(Situation s) {
      return everything;
    }

    @Override
    public boolean may(Situation s, Permission p) {
      return everything;
    }
  }

  // ------------------------------------------------------------------ principals

  /** A principal under test: how to describe it, set it up in a world, and what the rules say. */
  record Actor(String description, Kind kind, Oracle oracle, Set<String> roles, boolean active) {
    enum Kind { AGENT, CUSTOMER, SYSTEM, ANONYMOUS }
  }

  static final AgentId ME = AgentId.of("me");

  static List<Actor> actors() {
    List<Actor> a = new ArrayList<>();
    for (Role r : Roles.defaults()) {
      a.add(new Actor("an agent with role " + r.name(), Actor.Kind.AGENT, new AgentOracle(List.of(r), true), Set.of(r.name()), true));
    }
    a.add(new Actor("an inactive agent with role admin", Actor.Kind.AGENT, new AgentOracle(List.of(Roles.ADMIN), false), Set.of("admin"), false));
    a.add(new Actor("an agent whose only role is unknown", Actor.Kind.AGENT, new AgentOracle(List.of(), true), Set.of("ghost-role"), true));
    a.add(new Actor("an agent without roles", Actor.Kind.AGENT, new AgentOracle(List.of(), true), Set.of(), true));
    a.add(new Actor("the system principal", Actor.Kind.SYSTEM, new FixedOracle(true), Set.of(), true));
    a.add(new Actor("an anonymous visitor", Actor.Kind.ANONYMOUS, new FixedOracle(false), Set.of(), true));
    a.add(new Actor("customer Alice", Actor.Kind.CUSTOMER, new CustomerOracle(), Set.of(), true));
    return a;
  }

  // ------------------------------------------------------------------ one case

  /** Everything an action needs: the world, who acts, the ticket under test and a partner ticket. */
  record Case(World world, Principal principal, Actor actor, Situation situation, Ticket ticket, Ticket partner, Situation partnerSituation) {
    Outcome need(Permission p) {
      return need(situation, p);
    }

    Outcome need(Situation s, Permission p) {
      if (!actor.oracle().sees(s)) {
        return Outcome.NOT_FOUND;
      }
      return actor.oracle().may(s, p) ? Outcome.ALLOWED : Outcome.DENIED;
    }

    /** For operations on two tickets: the rights on the first, then on the second. */
    Outcome needBoth(Permission p) {
      Outcome first = need(p);
      return first != Outcome.ALLOWED ? first : need(partnerSituation, p);
    }

    Situation fresh() {
      return situation instanceof AgentSituation a ? a.unassigned() : situation;
    }
  }

  interface Run {
    void run(Case c);
  }

  interface Expect {
    Outcome expect(Case c);
  }

  /** One operation of {@link dev.frontline.helpdesk.ticket.TicketService}. */
  record Action(String description, Predicate<Actor.Kind> appliesTo, boolean reportsDenial, Expect expect, Run run) {}

  static final Predicate<Actor.Kind> EVERYONE = k -> true;

  static List<Action> actions() {
    List<Action> a = new ArrayList<>();
    a.add(new Action("find the ticket by id", EVERYONE, true,
        c -> c.actor().oracle().sees(c.situation()) ? Outcome.ALLOWED : Outcome.NOT_FOUND,
        c -> {
          if (c.world().tickets().find(c.principal(), c.ticket().id()).isEmpty()) {
            throw new NotFoundException("absent");
          }
        }));
    a.add(new Action("get the ticket by id", EVERYONE, true,
        c -> c.actor().oracle().sees(c.situation()) ? Outcome.ALLOWED : Outcome.NOT_FOUND,
        c -> assertThat(c.world().tickets().get(c.principal(), c.ticket().id()).id()).isEqualTo(c.ticket().id())));
    a.add(new Action("get the ticket by key", EVERYONE, true,
        c -> c.actor().oracle().sees(c.situation()) ? Outcome.ALLOWED : Outcome.NOT_FOUND,
        c -> assertThat(c.world().tickets().getByKey(c.principal(), c.ticket().key()).id()).isEqualTo(c.ticket().id())));
    a.add(new Action("see the ticket in the list and the count", EVERYONE, false,
        c -> c.actor().oracle().sees(c.situation()) ? Outcome.ALLOWED : Outcome.NOT_FOUND,
        c -> {
          TicketQuery q = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
          TicketPage page = c.world().tickets().query(c.principal(), q);
          long count = c.world().tickets().count(c.principal(), q);
          assertThat(page.items()).hasSize((int) count);
          if (page.items().stream().noneMatch(t -> t.id().equals(c.ticket().id()))) {
            throw new NotFoundException("not listed");
          }
        }));
    a.add(new Action("read the conversation", EVERYONE, true,
        c -> c.need(TICKET_READ),
        c -> {
          List<Entry> conv = c.world().tickets().conversation(c.principal(), c.ticket().id());
          assertThat(conv).extracting(Entry::body).contains(World.PUBLIC_TEXT);
          boolean internal = c.actor().oracle().may(c.situation(), TICKET_READ_INTERNAL);
          assertThat(conv.stream().anyMatch(e -> !e.kind().isPublic()))
              .as("internal entries are shown exactly to those with TICKET_READ_INTERNAL")
              .isEqualTo(internal);
        }));
    a.add(new Action("read the audit history", EVERYONE, true,
        c -> c.need(TICKET_READ_INTERNAL),
        c -> assertThat(c.world().tickets().history(c.principal(), c.ticket().id())).isNotEmpty()));
    a.add(new Action("download the public message's attachment", EVERYONE, true,
        c -> c.need(TICKET_READ),
        c -> {
          AttachmentContent content = c.world().tickets().attachment(
              c.principal(), c.ticket().id(), c.world().attachmentOf(c.ticket().id(), EntryKind.PUBLIC_REPLY).id());
          assertThat(content.content()).isEqualTo(World.bytes("public file"));
        }));
    a.add(new Action("download the internal note's attachment", EVERYONE, true,
        c -> {
          Outcome o = c.need(TICKET_READ);
          return o == Outcome.ALLOWED && !c.actor().oracle().may(c.situation(), TICKET_READ_INTERNAL) ? Outcome.NOT_FOUND : o;
        },
        c -> {
          AttachmentContent content = c.world().tickets().attachment(
              c.principal(), c.ticket().id(), c.world().attachmentOf(c.ticket().id(), EntryKind.INTERNAL_NOTE).id());
          assertThat(content.content()).isEqualTo(World.bytes("secret file"));
        }));
    a.add(new Action("reply publicly", EVERYONE, true,
        c -> c.need(TICKET_REPLY_PUBLIC),
        c -> c.world().tickets().reply(c.principal(), c.ticket().id(), c.ticket().version(), Message.of("a reply"))));
    a.add(new Action("add an internal note", EVERYONE, true,
        c -> c.need(TICKET_NOTE_INTERNAL),
        c -> c.world().tickets().addNote(c.principal(), c.ticket().id(), c.ticket().version(), Message.of("a note"))));
    for (TicketState target : List.of(TicketState.OPEN, TicketState.PENDING, TicketState.ON_HOLD, TicketState.SOLVED, TicketState.CLOSED)) {
      a.add(new Action("move the ticket to " + target, EVERYONE, true,
          c -> c.need(STATE_NEEDS.get(target)),
          c -> assertThat(c.world().tickets().transition(c.principal(), c.ticket().id(), c.ticket().version(), target).state()).isEqualTo(target)));
    }
    a.add(new Action("change the priority", EVERYONE, true,
        c -> c.need(TICKET_CHANGE_PRIORITY),
        c -> c.world().tickets().update(c.principal(), c.ticket().id(), c.ticket().version(), TicketUpdate.none().withPriority(Priority.URGENT))));
    a.add(new Action("change the subject", EVERYONE, true,
        c -> c.need(TICKET_EDIT),
        c -> c.world().tickets().update(c.principal(), c.ticket().id(), c.ticket().version(), TicketUpdate.none().withSubject("New subject"))));
    a.add(new Action("set a custom field", EVERYONE, true,
        c -> c.need(TICKET_EDIT),
        c -> c.world().tickets().update(c.principal(), c.ticket().id(), c.ticket().version(),
            TicketUpdate.none().withFields(Map.of("contract", FieldValue.text("C-1")), Set.of()))));
    a.add(new Action("add a tag", EVERYONE, true,
        c -> c.need(TICKET_EDIT),
        c -> c.world().tickets().update(c.principal(), c.ticket().id(), c.ticket().version(), TicketUpdate.none().withTags(Set.of("vip"), Set.of()))));
    a.add(new Action("assign the ticket to a colleague", EVERYONE, true,
        c -> c.need(TICKET_ASSIGN),
        c -> assertThat(c.world().tickets().assign(c.principal(), c.ticket().id(), c.ticket().version(), c.ticket().team(), World.COLLEAGUE).assignee())
            .isEqualTo(World.COLLEAGUE)));
    a.add(new Action("take the ticket", k -> k == Actor.Kind.AGENT || k == Actor.Kind.ANONYMOUS, true,
        c -> {
          if (!c.actor().oracle().sees(c.situation())) {
            return Outcome.NOT_FOUND;
          }
          if (!c.actor().oracle().may(c.situation(), TICKET_TAKE) && !c.actor().oracle().may(c.situation(), TICKET_ASSIGN)) {
            return Outcome.DENIED;
          }
          AgentSituation s = (AgentSituation) c.situation();
          return s.team() == null || s.myTeam() ? Outcome.ALLOWED : Outcome.INVALID; // the assignee must be a team member
        },
        c -> assertThat(c.world().tickets().assign(c.principal(), c.ticket().id(), c.ticket().version(), c.ticket().team(), ME).assignee())
            .isEqualTo(ME)));
    a.add(new Action("escalate the ticket to the next tier", EVERYONE, true,
        c -> c.need(TICKET_ESCALATE),
        c -> c.world().tickets().escalate(c.principal(), c.ticket().id(), c.ticket().version(), c.ticket().tier() + 1, null, "needs tier up")));
    a.add(new Action("hand the ticket back down a tier", EVERYONE, true,
        c -> c.need(TICKET_DEESCALATE),
        c -> c.world().tickets().deescalate(c.principal(), c.ticket().id(), c.ticket().version(), c.ticket().tier() - 1, null, "please continue")));
    a.add(new Action("link the ticket to one they may link", EVERYONE, true,
        c -> c.needBoth(TICKET_LINK),
        c -> c.world().tickets().link(c.principal(), c.ticket().id(), LinkType.RELATED, c.partner().id())));
    a.add(new Action("merge the ticket into one they may merge", EVERYONE, true,
        c -> c.needBoth(TICKET_MERGE),
        c -> c.world().tickets().merge(c.principal(), c.ticket().id(), c.ticket().version(), c.partner().id())));
    a.add(new Action("split the first message out into a new ticket", EVERYONE, true,
        c -> {
          Outcome o = c.need(TICKET_SPLIT);
          return o != Outcome.ALLOWED || c.actor().oracle().may(c.fresh(), TICKET_CREATE) ? o : Outcome.DENIED;
        },
        c -> c.world().tickets().split(c.principal(), c.ticket().id(),
            c.world().firstEntry(c.ticket().id(), EntryKind.PUBLIC_REPLY).id(), "Split out", null)));
    a.add(new Action("create a ticket with the same tier, team and assignee", k -> k != Actor.Kind.CUSTOMER, true,
        // choosing oneself as assignee does not count: the new ticket is judged as unassigned
        c -> c.actor().oracle().may(c.situation(), TICKET_CREATE) && c.actor().oracle().may(c.fresh(), TICKET_CREATE)
            ? Outcome.ALLOWED : Outcome.DENIED,
        c -> c.world().tickets().create(c.principal(),
            NewTicket.builder("Another one", World.ALICE, Message.of("hello"))
                .tier(c.ticket().tier()).team(c.ticket().team()).assignee(c.ticket().assignee()).build())));
    return a;
  }

  // ------------------------------------------------------------------ the factory

  @TestFactory
  Stream<DynamicNode> everyPrincipalTimesEveryOperationTimesEverySituation() {
    List<Action> actions = actions();
    return actors().stream().map(actor -> {
      List<? extends Situation> situations = actor.kind() == Actor.Kind.CUSTOMER ? customerSituations() : agentSituations();
      return dynamicContainer(actor.description(), situations.stream().map(sit -> dynamicContainer("on " + sit.description(),
          actions.stream().filter(act -> act.appliesTo().test(actor.kind())).map(act -> {
            Case probe = new Case(new World(), Principal.anonymous(), actor, sit, dummy(), dummy(), sit);
            Outcome expected = act.expect().expect(probe);
            String name = actor.description() + " trying to " + act.description() + " on " + sit.description() + " " + expected.phrase;
            return dynamicTest(name, () -> runCase(actor, sit, act, expected));
          }))));
    });
  }

  /** Expectations are computed before any ticket exists; they only look at actor and situations. */
  private static Ticket dummy() {
    return null;
  }

  private static void runCase(Actor actor, Situation sit, Action act, Outcome expected) {
    World w = new World();
    // create "me" active so tickets can be assigned to it, then save its final form
    w.agent(ME.value(), Set.of(), Map.of(World.T2A, TeamAccess.FULL), true);
    Ticket ticket;
    Ticket partner;
    Situation partnerSituation;
    Principal principal;
    if (sit instanceof AgentSituation s) {
      ticket = w.ticket(World.ALICE, s.tier(), s.team(), s.assignedToMe() ? ME : null);
      partner = w.ticket(World.ALICE, 2, World.T2A, ME);
      partnerSituation = ASSIGNED;
      w.agent(ME.value(), actor.roles(), Map.of(World.T2A, s.level()), actor.active());
    } else {
      CustomerSituation s = (CustomerSituation) sit;
      w.organizations(s.orgShares());
      w.directory.saveCustomer(new Customer(World.ALICE, "Alice", "alice@a.example", World.ORG_A, s.aliceFlag()));
      ticket = w.ticket(s.requester(), 2, null, null);
      partner = w.ticket(World.ALICE, 2, null, null);
      partnerSituation = customerSituations().get(0);
    }
    principal = switch (actor.kind()) {
      case AGENT -> Principal.agent(ME);
      case CUSTOMER -> Principal.customer(World.ALICE);
      case SYSTEM -> Principal.system("automation");
      case ANONYMOUS -> Principal.anonymous();
    };
    Case c = new Case(w, principal, actor, sit, ticket, partner, partnerSituation);
    long total = w.total();
    int denialsBefore = w.denials.size();

    Outcome actual = outcomeOf(() -> act.run().run(c));

    assertThat(actual).as(actor.description() + " / " + act.description() + " / " + sit.description()).isEqualTo(expected);
    if (actual != Outcome.ALLOWED) {
      assertThat(w.reload(ticket.id()).version()).as("the ticket is unchanged").isEqualTo(ticket.version());
      assertThat(w.reload(partner.id()).version()).as("the partner ticket is unchanged").isEqualTo(partner.version());
      assertThat(w.total()).as("no ticket was created").isEqualTo(total);
    }
    if ((actual == Outcome.DENIED || actual == Outcome.NOT_FOUND) && act.reportsDenial()) {
      assertThat(w.denials.subList(denialsBefore, w.denials.size()))
          .as("the denial is reported to the access listener")
          .anySatisfy(d -> assertThat(d.principal()).isEqualTo(principal));
    }
  }

  static Outcome outcomeOf(Runnable r) {
    try {
      r.run();
      return Outcome.ALLOWED;
    } catch (NotFoundException e) {
      return Outcome.NOT_FOUND;
    } catch (AccessDeniedException e) {
      return Outcome.DENIED;
    } catch (ValidationException e) {
      return Outcome.INVALID;
    }
  }

  private static Set<Permission> plus(Set<Permission> base, Permission... more) {
    Set<Permission> s = EnumSet.copyOf(base);
    s.addAll(List.of(more));
    return s;
  }
}
