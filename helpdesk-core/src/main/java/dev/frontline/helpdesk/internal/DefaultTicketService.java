package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.Agent;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.SupportTier;
import dev.frontline.helpdesk.directory.Team;
import dev.frontline.helpdesk.directory.TeamId;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Attachment;
import dev.frontline.helpdesk.ticket.AttachmentContent;
import dev.frontline.helpdesk.ticket.AttachmentId;
import dev.frontline.helpdesk.ticket.Author;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.EntryId;
import dev.frontline.helpdesk.ticket.EntryKind;
import dev.frontline.helpdesk.ticket.FieldValue;
import dev.frontline.helpdesk.ticket.LinkType;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewAttachment;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketHistory;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketLink;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketPage;
import dev.frontline.helpdesk.ticket.TicketQuery;
import dev.frontline.helpdesk.ticket.TicketService;
import dev.frontline.helpdesk.ticket.TicketSort;
import dev.frontline.helpdesk.ticket.TicketState;
import dev.frontline.helpdesk.ticket.TicketUpdate;
import dev.frontline.helpdesk.ticket.TicketVisibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ticket service: validate, check rights, compute events, store atomically, notify. */
public final class DefaultTicketService implements TicketService {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTicketService.class);

  private final TicketStore store;
  private final DirectoryStore directory;
  private final BlobStore blobs;
  private final AccessControl access;
  private final Clock clock;
  private final IdGenerator ids;
  private final TicketWriter writer;
  private final Duration reopenWindow;
  private final Duration autoCloseAfter;

  /**
   * @param store tickets
   * @param directory directory
   * @param blobs attachment contents
   * @param access access control
   * @param clock time
   * @param ids id generator
   * @param listeners event listeners
   * @param keyPrefix ticket key prefix
   * @param reopenWindow how long a customer reply reopens a solved ticket
   * @param autoCloseAfter how long after solving a ticket is closed
   * @param deadlines SLA deadline calculator
   */
  public DefaultTicketService(
      TicketStore store,
      DirectoryStore directory,
      BlobStore blobs,
      AccessControl access,
      Clock clock,
      IdGenerator ids,
      List<TicketListener> listeners,
      String keyPrefix,
      Duration reopenWindow,
      Duration autoCloseAfter,
      DeadlineCalculator deadlines) {
    this.store = store;
    this.directory = directory;
    this.blobs = blobs;
    this.access = access;
    this.clock = clock;
    this.ids = ids;
    this.writer = new TicketWriter(store, blobs, clock, ids, listeners, keyPrefix, deadlines);
    this.reopenWindow = reopenWindow;
    this.autoCloseAfter = autoCloseAfter;
  }


  /** Runs a command against the latest version, retrying on conflicts if the caller allows it. */
  private Ticket withRetry(Rights r, TicketId id, long expectedVersion, Function<Ticket, Ticket> command) {
    Checks.notNull(id, "ticket id");
    return writer.withRetry(() -> load(r, id), expectedVersion, command);
  }

  /**
   * The caller's rights, resolved once per service call: every decision of the call is made on
   * this value (AccessControl's decisions are pure functions of it).
   */
  private Rights rights(Principal p) {
    Checks.notNull(p, "principal");
    return access.rightsOf(p);
  }

  /** Loads a ticket the rights see, else not found. */
  private Ticket load(Rights r, TicketId id) {
    Checks.notNull(id, "ticket id");
    Optional<Ticket> t = store.find(id);
    if (t.isEmpty() || !access.sees(r, t.get())) {
      if (t.isPresent()) {
        access.deny(r.principal(), Permission.TICKET_READ, id.value(), "not visible");
      }
      throw new NotFoundException("ticket not found");
    }
    return t.get();
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Ticket get(Principal principal, TicketId id) {
    Rights r = rights(principal);
    return load(r, id);
  }

  @Override
  public Optional<Ticket> find(Principal principal, TicketId id) {
    Rights r = rights(principal);
    Checks.notNull(id, "ticket id");
    Optional<Ticket> t = store.find(id);
    if (t.isPresent() && !access.sees(r, t.get())) {
      // a probe for a hidden ticket is a denied read like get(): report it, answer "absent"
      access.deny(principal, Permission.TICKET_READ, id.value(), "not visible");
      return Optional.empty();
    }
    return t;
  }

  @Override
  public Ticket getByKey(Principal principal, TicketKey key) {
    Rights r = rights(principal);
    Checks.notNull(key, "ticket key");
    Ticket t = store.findByKey(key).orElseThrow(() -> new NotFoundException("ticket not found"));
    return load(r, t.id());
  }

  @Override
  public List<Entry> conversation(Principal principal, TicketId id) {
    return conversation(rights(principal), id);
  }

  private List<Entry> conversation(Rights r, TicketId id) {
    Ticket t = load(r, id);
    access.check(r, t, Permission.TICKET_READ);
    boolean internal = access.may(r, t, Permission.TICKET_READ_INTERNAL);
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries(store.history(id))) {
      if (internal || e.kind().isPublic()) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Entry> entries(List<TicketEvent> history) {
    List<Entry> out = new ArrayList<>();
    for (TicketEvent ev : history) {
      if (ev.change() instanceof TicketChange.EntryAdded ea) {
        out.add(ea.entry());
      } else if (ev.change() instanceof TicketChange.MergeReceived mr) {
        out.addAll(mr.entries());
      }
    }
    out.sort(java.util.Comparator.comparing(Entry::at));
    return out;
  }

  @Override
  public List<TicketEvent> history(Principal principal, TicketId id) {
    Rights r = rights(principal);
    Ticket t = load(r, id);
    access.check(r, t, Permission.TICKET_READ_INTERNAL);
    return store.history(id);
  }

  @Override
  public AttachmentContent attachment(Principal principal, TicketId ticketId, AttachmentId attachmentId) {
    Rights r = rights(principal);
    Checks.notNull(attachmentId, "attachment id");
    for (Entry e : conversation(r, ticketId)) {
      for (Attachment a : e.attachments()) {
        if (a.id().equals(attachmentId)) {
          byte[] bytes = blobs.get(a.blobKey()).orElseThrow(() -> new NotFoundException("attachment not found"));
          return new AttachmentContent(a, bytes);
        }
      }
    }
    access.deny(principal, Permission.TICKET_READ, attachmentId.value(), "not an attachment of a visible entry of this ticket");
    throw new NotFoundException("attachment not found");
  }

  @Override
  public TicketPage query(Principal principal, TicketQuery query) {
    Rights r = rights(principal);
    Checks.notNull(query, "query");
    TicketVisibility v = access.visibility(r);
    return v.isNone() ? new TicketPage(List.of(), null) : store.query(query, v);
  }

  @Override
  public long count(Principal principal, TicketQuery query) {
    Rights r = rights(principal);
    Checks.notNull(query, "query");
    TicketVisibility v = access.visibility(r);
    return v.isNone() ? 0 : store.count(query, v);
  }

  // ---------------------------------------------------------------- create

  @Override
  public Ticket create(Principal principal, NewTicket cmd) {
    Rights r = rights(principal);
    Checks.notNull(cmd, "command");
    // authorize before looking anything up, so that the answer never tells an unauthorized caller
    // whether a customer, team or agent exists
    access.checkCreate(r, cmd.requester(), cmd.setsAgentFields());
    Customer requester =
        directory.findCustomer(cmd.requester()).orElseThrow(() -> new ValidationException("unknown requester"));
    // tickets opened by customers or automation without a team land in the tier's default team;
    // agents choose the team explicitly
    boolean routeToDefault = cmd.team() == null && cmd.assignee() == null
        && r.agent() == null;
    TeamId team = routeToDefault ? defaultTeam(cmd.tier()) : cmd.team();
    // the requester's language travels with the ticket (routing, macros), unless the command names one
    TreeMap<String, FieldValue> fields = new TreeMap<>(cmd.fields());
    if (requester.locale() != null && !fields.containsKey(Ticket.LOCALE_FIELD)) {
      fields.put(Ticket.LOCALE_FIELD, FieldValue.text(requester.locale().toLanguageTag()));
    }
    TicketWriter.Change c = writer.newTicket(principal, key -> new TicketChange.Created(
        key, cmd.subject(), cmd.requester(), requester.organization(), cmd.message().channel(),
        cmd.priority(), cmd.type(), new TreeSet<>(cmd.tags()), new TreeMap<>(fields),
        cmd.tier(), team, cmd.assignee()));
    Ticket t = c.current;
    Agent creator = r.agent();
    if (creator != null) {
      // an agent needs the right on the new ticket itself (its team's access level); customers and
      // the system principal passed checkCreate, which is all they need
      requireCreate(r, t);
      if (cmd.team() != null && creator.id().equals(cmd.assignee())) {
        // assigning the new ticket to oneself must not lift the team access level's cap on
        // creating tickets for the team (AccessControl exempts tickets assigned to the agent)
        requireCreate(r, TicketHistory.apply(null, new TicketEvent(t.id(), 1, c.actor, c.at,
            new TicketChange.Created(
                t.key(), cmd.subject(), cmd.requester(), requester.organization(), cmd.message().channel(),
                cmd.priority(), cmd.type(), new TreeSet<>(cmd.tags()), new TreeMap<>(fields),
                cmd.tier(), cmd.team(), null))));
      }
    }
    validateTeamAndAgent(cmd.tier(), team, cmd.assignee());
    c.add(new TicketChange.EntryAdded(writer.newEntry(c, principal, EntryKind.PUBLIC_REPLY, cmd.message())));
    writer.commitAll(List.of(), List.of(c));
    return c.current;
  }




  /**
   * Requires {@code TICKET_CREATE} on a ticket about to be created. Unlike {@link AccessControl#check}
   * this answers {@link dev.frontline.helpdesk.AccessDeniedException} also when the caller would not
   * see the new ticket: the ticket does not exist yet, so there is no existence to hide, and "not
   * found" would be a misleading answer to "create a ticket in team X".
   */
  private void requireCreate(Rights r, Ticket fresh) {
    if (!access.may(r, fresh, Permission.TICKET_CREATE)) {
      access.deny(r.principal(), Permission.TICKET_CREATE, fresh.team() == null ? null : fresh.team().value(), "may not create this ticket");
      throw new dev.frontline.helpdesk.AccessDeniedException("not permitted: ticket_create");
    }
  }

  private void validateTeamAndAgent(int tier, @Nullable TeamId team, @Nullable AgentId assignee) {
    if (team != null) {
      Team tm = directory.findTeam(team).orElseThrow(() -> new ValidationException("unknown team " + team));
      if (tm.tier() != tier) {
        throw new ValidationException("team " + team + " serves tier " + tm.tier() + ", not " + tier);
      }
    }
    if (assignee != null) {
      Agent a = directory.findAgent(assignee).orElseThrow(() -> new ValidationException("unknown agent " + assignee));
      if (!a.active()) {
        throw new ValidationException("agent " + assignee + " is not active");
      }
      if (team != null && !a.teams().containsKey(team)) {
        throw new ValidationException("agent " + assignee + " is not a member of team " + team);
      }
    }
  }

  private @Nullable TeamId defaultTeam(int tier) {
    return directory.tiers().stream().filter(s -> s.level() == tier).findFirst().map(SupportTier::defaultTeam).orElse(null);
  }


  // ---------------------------------------------------------------- conversation

  @Override
  public Ticket reply(Principal principal, TicketId id, long expectedVersion, Message message) {
    Rights r = rights(principal);
    Checks.notNull(message, "message");
    Checks.notNull(id, "ticket id");
    // follow merges: replies to a merged ticket land in the surviving one
    Ticket start = load(r, id);
    if (start.state() == TicketState.MERGED && start.mergedInto() != null) {
      access.check(r, start, Permission.TICKET_REPLY_PUBLIC);
      Ticket target = start;
      Set<TicketId> seen = new HashSet<>();
      while (target.state() == TicketState.MERGED && target.mergedInto() != null && seen.add(target.id())) {
        target = store.find(target.mergedInto()).orElseThrow(() -> new NotFoundException("ticket not found"));
      }
      if (r.customer() != null && !access.sees(r, target)) {
        // the customer was the requester of the source; the reply still belongs to the target, but
        // the target (or a follow-up of it) is not theirs to see: answer with the ticket they replied to
        replyAs(access.rightsOf(Principal.system("merge")), principal, target.id(), Ticket.ANY_VERSION, message);
        return load(r, id);
      }
      return replyAs(r, principal, target.id(), Ticket.ANY_VERSION, message);
    }
    return replyAs(r, principal, id, expectedVersion, message);
  }

  private Ticket replyAs(Rights checker, Principal author, TicketId id, long expectedVersion, Message message) {
    return withRetry(checker, id, expectedVersion, t -> {
      access.check(checker, t, Permission.TICKET_REPLY_PUBLIC);
      TicketDecisions.ReplyOutcome outcome = TicketDecisions.reply(t, author, clock.instant(), reopenWindow);
      if (outcome == TicketDecisions.ReplyOutcome.FOLLOW_UP) {
        return followUp(author, t, message);
      }
      TicketWriter.Change c = writer.change(author, t);
      c.add(new TicketChange.EntryAdded(writer.newEntry(c, author, EntryKind.PUBLIC_REPLY, message)));
      if (outcome == TicketDecisions.ReplyOutcome.APPEND_AND_OPEN) {
        c.add(new TicketChange.StateChanged(t.state(), TicketState.OPEN));
      }
      return writer.commit(c);
    });
  }

  private Ticket followUp(Principal customer, Ticket old, Message message) {
    TicketWriter.Change nc = writer.newTicket(customer, key -> new TicketChange.Created(
        key, old.subject(), old.requester(), old.organization(), message.channel(), old.priority(),
        old.type(), new TreeSet<>(old.tags()), new TreeMap<>(old.fields()), old.tier(), old.team(), old.assignee()));
    nc.add(new TicketChange.EntryAdded(writer.newEntry(nc, customer, EntryKind.PUBLIC_REPLY, message)));
    nc.add(new TicketChange.Linked(new TicketLink(LinkType.FOLLOW_UP_OF, old.id())));
    TicketWriter.Change oc = writer.change(old, nc);
    oc.add(new TicketChange.Linked(new TicketLink(LinkType.FOLLOWED_UP_BY, nc.current.id())));
    writer.commitAll(List.of(oc), List.of(nc));
    return nc.current;
  }

  @Override
  public Ticket addNote(Principal principal, TicketId id, long expectedVersion, Message message) {
    Rights r = rights(principal);
    Checks.notNull(message, "message");
    return withRetry(r, id, expectedVersion, t -> {
      access.check(r, t, Permission.TICKET_NOTE_INTERNAL);
      if (t.state() == TicketState.MERGED) {
        throw new IllegalTransitionException("ticket " + t.key() + " is merged and takes no notes");
      }
      TicketWriter.Change c = writer.change(principal, t);
      c.add(new TicketChange.EntryAdded(writer.newEntry(c, principal, EntryKind.INTERNAL_NOTE, message)));
      return writer.commit(c);
    });
  }

  // ---------------------------------------------------------------- state and fields

  @Override
  public Ticket transition(Principal principal, TicketId id, long expectedVersion, TicketState target) {
    Rights r = rights(principal);
    Checks.notNull(target, "target state");
    if (target == TicketState.MERGED || target == TicketState.NEW) {
      throw new IllegalTransitionException("a ticket becomes " + target + " only by " + (target == TicketState.NEW ? "creation" : "merging"));
    }
    return withRetry(r, id, expectedVersion, t -> {
      access.check(r, t, Permission.forTransition(target));
      TicketWriter.Change c = writer.change(principal, t);
      c.add(TicketDecisions.transition(t, target));
      return writer.commit(c);
    });
  }

  @Override
  public Ticket update(Principal principal, TicketId id, long expectedVersion, TicketUpdate u) {
    Rights r = rights(principal);
    Checks.notNull(u, "update");
    return withRetry(r, id, expectedVersion, t -> {
      if (u.priority() != null && u.priority() != t.priority()) {
        access.check(r, t, Permission.TICKET_CHANGE_PRIORITY);
      }
      boolean edits = u.subject() != null || u.type() != null || !u.addTags().isEmpty() || !u.removeTags().isEmpty()
          || !u.setFields().isEmpty() || !u.removeFields().isEmpty();
      if (edits) {
        access.check(r, t, Permission.TICKET_EDIT);
      }
      TicketWriter.Change c = writer.change(principal, t);
      TicketDecisions.update(t, u).forEach(c::add);
      return writer.commit(c);
    });
  }

  @Override
  public Ticket assign(Principal principal, TicketId id, long expectedVersion, @Nullable TeamId team, @Nullable AgentId assignee) {
    Rights r = rights(principal);
    return withRetry(r, id, expectedVersion, t -> {
      Agent me = r.agent();
      boolean taking = me != null && me.id().equals(assignee) && Objects.equals(team, t.team());
      if (taking) {
        if (!access.may(r, t, Permission.TICKET_TAKE)) {
          access.check(r, t, Permission.TICKET_ASSIGN);
        }
      } else {
        access.check(r, t, Permission.TICKET_ASSIGN);
      }
      TicketDecisions.requireNotFinal(t);
      validateTeamAndAgent(t.tier(), team, assignee);
      TicketWriter.Change c = writer.change(principal, t);
      TicketDecisions.assign(t, team, assignee).ifPresent(c::add);
      return writer.commit(c);
    });
  }

  @Override
  public Ticket escalate(Principal principal, TicketId id, long expectedVersion, int toTier, @Nullable TeamId team, String reason) {
    return moveTier(principal, id, expectedVersion, toTier, team, reason, true);
  }

  @Override
  public Ticket deescalate(Principal principal, TicketId id, long expectedVersion, int toTier, @Nullable TeamId team, String handOffNote) {
    return moveTier(principal, id, expectedVersion, toTier, team, handOffNote, false);
  }

  private Ticket moveTier(Principal principal, TicketId id, long expectedVersion, int toTier, @Nullable TeamId team, String reason, boolean up) {
    Checks.text(reason, up ? "escalation reason" : "hand-off note", 4000);
    Checks.require(toTier >= 1 && toTier <= Ticket.MAX_TIER, "tier must be between 1 and " + Ticket.MAX_TIER);
    Rights r = rights(principal);
    return withRetry(r, id, expectedVersion, t -> {
      access.check(r, t, up ? Permission.TICKET_ESCALATE : Permission.TICKET_DEESCALATE);
      TicketDecisions.moveTier(t, toTier, up);
      TeamId target = team;
      if (target == null) {
        target = defaultTeam(toTier);
      }
      validateTeamAndAgent(toTier, target, null);
      TicketWriter.Change c = writer.change(principal, t);
      c.add(new TicketChange.TierChanged(t.tier(), toTier, t.team(), target, t.assignee(), null, reason, r.isSystem()));
      String text = (up ? "Escalated from tier " + t.tier() + " to tier " + toTier + ": " : "Handed back from tier " + t.tier() + " to tier " + toTier + ": ") + reason;
      c.add(new TicketChange.EntryAdded(new Entry(new EntryId(ids.next()), EntryKind.SYSTEM, Author.of(principal), dev.frontline.helpdesk.ticket.Channel.INTERNAL, text, c.at, List.of())));
      return writer.commit(c);
    });
  }

  // ---------------------------------------------------------------- links, merge, split

  @Override
  public Ticket link(Principal principal, TicketId from, LinkType type, TicketId to) {
    Rights r = rights(principal);
    Checks.notNull(type, "link type");
    if (type == LinkType.MERGED_FROM || type == LinkType.SPLIT_FROM || type == LinkType.SPLIT_INTO
        || type == LinkType.FOLLOW_UP_OF || type == LinkType.FOLLOWED_UP_BY) {
      throw new ValidationException("link type " + type + " is set by merge, split and follow-ups only");
    }
    Checks.notNull(to, "linked ticket");
    if (from.equals(to)) {
      throw new ValidationException("a ticket cannot be linked to itself");
    }
    return TicketWriter.retryOnConflict(() -> {
      Ticket a = load(r, from);
      access.check(r, a, Permission.TICKET_LINK);
      Ticket b = load(r, to);
      access.check(r, b, Permission.TICKET_LINK);
      TicketLink ab = new TicketLink(type, to);
      if (a.links().contains(ab)) {
        return a;
      }
      TicketWriter.Change ca = writer.change(principal, a);
      ca.add(new TicketChange.Linked(ab));
      TicketWriter.Change cb = writer.change(principal, b);
      cb.add(new TicketChange.Linked(new TicketLink(type.inverse(), from)));
      writer.commitAll(List.of(ca, cb), List.of());
      return ca.current;
    });
  }

  @Override
  public Ticket merge(Principal principal, TicketId sourceId, long sourceVersion, TicketId targetId) {
    Rights r = rights(principal);
    Checks.notNull(targetId, "target ticket");
    Checks.notNull(sourceId, "source ticket");
    if (sourceId.equals(targetId)) {
      throw new ValidationException("a ticket cannot be merged into itself");
    }
    return TicketWriter.retryOnConflict(() -> {
      Ticket s = load(r, sourceId);
      access.check(r, s, Permission.TICKET_MERGE);
      Ticket t = load(r, targetId);
      access.check(r, t, Permission.TICKET_MERGE);
      if (s.version() != sourceVersion) {
        throw new ConcurrentModificationException("ticket " + s.key() + " is at version " + s.version() + ", not " + sourceVersion);
      }
      TicketDecisions.merge(s, t);
      TicketWriter.Change cs = writer.change(principal, s);
      cs.add(new TicketChange.MergedInto(targetId, s.state()));
      TicketWriter.Change ct = writer.change(principal, t);
      List<Entry> copies = new ArrayList<>();
      for (Entry e : entries(store.history(sourceId))) {
        copies.add(writer.copyOf(e));
      }
      ct.add(new TicketChange.MergeReceived(sourceId, copies));
      ct.add(new TicketChange.Linked(new TicketLink(LinkType.MERGED_FROM, sourceId)));
      // a conflict on the source makes the next attempt fail on the caller's stale version
      writer.commitAll(List.of(cs, ct), List.of());
      return ct.current;
    });
  }

  @Override
  public Ticket split(Principal principal, TicketId sourceId, EntryId entryId, String subject, @Nullable TeamId team) {
    Rights r = rights(principal);
    Checks.notNull(entryId, "entry id");
    Checks.line(subject, "subject", Ticket.MAX_SUBJECT);
    return TicketWriter.retryOnConflict(() -> {
      Ticket s = load(r, sourceId);
      access.check(r, s, Permission.TICKET_SPLIT);
      TicketDecisions.requireNotFinal(s);
      Entry entry = null;
      for (Entry e : entries(store.history(sourceId))) {
        if (e.id().equals(entryId)) {
          entry = e;
        }
      }
      if (entry == null) {
        throw new NotFoundException("entry not found in this ticket");
      }
      TeamId newTeam = team != null ? team : s.team();
      Entry split = entry;
      TicketWriter.Change nc = writer.newTicket(principal, key -> new TicketChange.Created(
          key, subject, s.requester(), s.organization(), split.channel(), s.priority(), s.type(),
          new TreeSet<>(s.tags()), new TreeMap<>(), s.tier(), newTeam, null));
      requireCreate(r, nc.current);
      validateTeamAndAgent(s.tier(), newTeam, null);
      nc.add(new TicketChange.EntryAdded(writer.copyOf(entry)));
      nc.add(new TicketChange.Linked(new TicketLink(LinkType.SPLIT_FROM, sourceId)));
      TicketWriter.Change sc = writer.change(principal, s);
      sc.add(new TicketChange.Linked(new TicketLink(LinkType.SPLIT_INTO, nc.current.id())));
      writer.commitAll(List.of(sc), List.of(nc));
      return nc.current;
    });
  }

  // ---------------------------------------------------------------- automation

  @Override
  public int closeSolvedTickets(Principal principal) {
    access.require(rights(principal), Permission.TICKET_AUTO_CLOSE);
    Instant cutoff = clock.instant().minus(autoCloseAfter);
    int closed = 0;
    String cursor = null;
    do {
      TicketPage page = store.query(
          TicketQuery.builder().states(TicketState.SOLVED).sort(TicketSort.UPDATED_ASC).limit(200).after(cursor).build(),
          TicketVisibility.everything());
      for (Ticket t : page.items()) {
        if (t.solvedAt() != null && !t.solvedAt().isAfter(cutoff)) {
          try {
            transition(principal, t.id(), t.version(), TicketState.CLOSED);
            closed++;
          } catch (ConcurrentModificationException | IllegalTransitionException e) {
            LOG.debug("ticket {} changed while auto-closing; skipped", t.key());
          }
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return closed;
  }

  /**
   * Applies trusted automation to one ticket in one atomic update, without permission checks: the
   * body adds changes, then the SLA deadline is recomputed (and recorded if it moved) even if the
   * body added nothing. Nothing is stored if neither produced an event.
   *
   * @param principal the automation's (system) principal, recorded as the actor
   * @param basis the snapshot the body decides on; the update expects its version
   * @param history the ticket's stored history matching {@code basis}
   * @param body adds the changes
   * @return the stored snapshot
   * @throws ConcurrentModificationException if the ticket changed since {@code basis} was read
   */
  public Ticket automate(Principal principal, Ticket basis, List<TicketEvent> history, Consumer<TicketWriter.Edit> body) {
    return writer.automate(principal, basis, history, body);
  }

  /**
   * Loads a ticket without permission checks, for trusted internal callers.
   *
   * @param id the ticket
   * @return the ticket
   */
  public Ticket loadTrusted(TicketId id) {
    return store.find(id).orElseThrow(() -> new HelpdeskException("ticket vanished: " + id));
  }

  /**
   * Appends one module-specific event (CSAT answer, automation marker) for trusted internal callers
   * that check the caller's rights themselves. The ticket must be visible to {@code actor}. {@code
   * build} sees the latest snapshot and history, may throw to refuse, and is re-run after a
   * concurrent change, so a check it makes (e.g. "only one answer") holds under races.
   *
   * @param actor who is recorded as the author
   * @param id the ticket
   * @param build computes the change from the snapshot and history
   * @return the updated ticket
   */
  public Ticket appendCustom(Principal actor, TicketId id, java.util.function.BiFunction<Ticket, List<TicketEvent>, TicketChange.Custom> build) {
    return appendCustom(rights(actor), id, build);
  }

  /**
   * {@link #appendCustom(Principal, TicketId, java.util.function.BiFunction)} for a caller whose
   * rights are resolved already (the author is {@code rights.principal()}).
   *
   * @param rights the caller's rights
   * @param id the ticket
   * @param build computes the change from the snapshot and history
   * @return the updated ticket
   */
  public Ticket appendCustom(Rights rights, TicketId id, java.util.function.BiFunction<Ticket, List<TicketEvent>, TicketChange.Custom> build) {
    Principal actor = rights.principal();
    return withRetry(rights, id, Ticket.ANY_VERSION, t -> {
      TicketWriter.Change c = writer.change(actor, t);
      c.add(build.apply(t, store.history(id)));
      return writer.commit(c);
    });
  }
}
