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
  private static final int RETRIES = 50;

  private final TicketStore store;
  private final DirectoryStore directory;
  private final BlobStore blobs;
  private final AccessControl access;
  private final Clock clock;
  private final IdGenerator ids;
  private final List<TicketListener> listeners;
  private final String keyPrefix;
  private final Duration reopenWindow;
  private final Duration autoCloseAfter;
  private final DeadlineCalculator deadlines;

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
    this.listeners = List.copyOf(listeners);
    this.keyPrefix = keyPrefix;
    this.reopenWindow = reopenWindow;
    this.autoCloseAfter = autoCloseAfter;
    this.deadlines = deadlines;
  }

  // ---------------------------------------------------------------- change building

  /** Lets trusted automation (escalation) add changes to one ticket, applied in order. */
  public interface Edit {
    /** @return the snapshot with the changes added so far */
    Ticket current();

    /** @return the instant the change is made at */
    Instant at();

    /** @param c a change to append */
    void add(TicketChange c);
  }

  /** Accumulates the events of one change to one ticket. */
  private final class Change implements Edit {
    final Ticket before;
    Ticket current;
    final long expectedVersion;
    final List<TicketEvent> events = new ArrayList<>();
    final Author actor;
    final Instant at;
    /** Blob keys written for this change's attachments; deleted again if the change is not stored. */
    final List<String> blobs = new ArrayList<>();

    Change(Ticket before, Author actor, Instant at) {
      this.before = before;
      this.current = before;
      this.expectedVersion = before.version();
      this.actor = actor;
      this.at = at;
    }

    @Override
    public Ticket current() {
      return current;
    }

    @Override
    public Instant at() {
      return at;
    }

    @Override
    public void add(TicketChange c) {
      TicketEvent e = new TicketEvent(current.id(), current.version() + 1, actor, at, c);
      current = TicketHistory.apply(current, e);
      events.add(e);
    }

    boolean isEmpty() {
      return events.isEmpty();
    }

    /** Recomputes the SLA deadline and records it if it moved. */
    void recomputeDeadline(List<TicketEvent> priorHistory) {
      List<TicketEvent> h = new ArrayList<>(priorHistory);
      h.addAll(events);
      DeadlineCalculator.Result r = deadlines.compute(current, h);
      if (!Objects.equals(r.nextDeadline(), current.nextDeadline()) || !r.sla().equals(current.sla())) {
        add(new TicketChange.DeadlineChanged(current.nextDeadline(), r.nextDeadline(), r.detail(), r.sla()));
      }
    }
  }

  private Change change(Principal p, Ticket t) {
    return new Change(t, Author.of(p), clock.instant());
  }

  private Ticket commit(Change c) {
    if (c.isEmpty()) {
      return c.current;
    }
    try {
      c.recomputeDeadline(store.history(c.before.id()));
      store.update(c.current, c.expectedVersion, c.events);
    } catch (RuntimeException e) {
      discardBlobs(List.of(c), e);
      throw e;
    }
    notifyListeners(c.events);
    return c.current;
  }

  /**
   * Deletes the attachment blobs of changes that were not stored, so that a conflict retry or a
   * refused write leaves no orphans. A {@link dev.frontline.helpdesk.StorageException} is the one
   * exception kept: the store may have failed after its commit (a lost acknowledgement), and an
   * orphaned blob is better than a stored attachment without its content.
   */
  private void discardBlobs(List<Change> changes, RuntimeException cause) {
    if (cause instanceof dev.frontline.helpdesk.StorageException) {
      return;
    }
    for (Change c : changes) {
      for (String key : c.blobs) {
        try {
          blobs.delete(key);
        } catch (RuntimeException e) {
          cause.addSuppressed(e);
        }
      }
      c.blobs.clear();
    }
  }

  private void commitAll(List<Change> updates, List<Change> creates) {
    List<TicketStore.Update> us = new ArrayList<>();
    List<TicketStore.Create> cs = new ArrayList<>();
    List<TicketEvent> all = new ArrayList<>();
    try {
      for (Change c : creates) {
        c.recomputeDeadline(List.of());
        cs.add(new TicketStore.Create(c.current, c.events));
        all.addAll(c.events);
      }
      for (Change c : updates) {
        if (c.isEmpty()) {
          continue;
        }
        c.recomputeDeadline(store.history(c.before.id()));
        us.add(new TicketStore.Update(c.current, c.expectedVersion, c.events));
        all.addAll(c.events);
      }
      store.updateAll(us, cs);
    } catch (RuntimeException e) {
      List<Change> both = new ArrayList<>(creates);
      both.addAll(updates);
      discardBlobs(both, e);
      throw e;
    }
    notifyListeners(all);
  }

  private void notifyListeners(List<TicketEvent> events) {
    for (TicketListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException e) {
        LOG.error("ticket listener failed", e);
      }
    }
  }

  /** Runs a command against the latest version, retrying on conflicts if the caller allows it. */
  private Ticket withRetry(Rights r, TicketId id, long expectedVersion, Function<Ticket, Ticket> command) {
    Checks.notNull(id, "ticket id");
    for (int attempt = 0; ; attempt++) {
      Ticket t = load(r, id);
      if (expectedVersion != Ticket.ANY_VERSION && t.version() != expectedVersion) {
        throw new ConcurrentModificationException(
            "ticket " + t.key() + " is at version " + t.version() + ", not " + expectedVersion);
      }
      try {
        return command.apply(t);
      } catch (ConcurrentModificationException e) {
        if (expectedVersion != Ticket.ANY_VERSION || attempt >= RETRIES) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Waits a random, growing moment before retrying after a conflict, so that writers racing on one
   * hot ticket (several nodes adding notes) do not starve each other.
   */
  private static void backOff(int attempt) {
    if (attempt < 1) {
      return;
    }
    long bound = 1L << Math.min(attempt, 6);
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new ConcurrentModificationException("interrupted while retrying after a conflict", ie);
    }
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
    Change c = newTicket(principal, key -> new TicketChange.Created(
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
    c.add(new TicketChange.EntryAdded(newEntry(c, principal, EntryKind.PUBLIC_REPLY, cmd.message())));
    commitAll(List.of(), List.of(c));
    return c.current;
  }

  /**
   * Starts a new ticket: allocates its id and key and records the creation event.
   *
   * @param principal who creates it
   * @param created the creation values for the allocated key
   * @return the change holding the first event
   */
  private Change newTicket(Principal principal, Function<TicketKey, TicketChange.Created> created) {
    Instant now = clock.instant();
    Author actor = Author.of(principal);
    TicketId id = new TicketId(ids.next());
    TicketKey key = new TicketKey(keyPrefix, store.nextKeyNumber(keyPrefix));
    TicketEvent first = new TicketEvent(id, 1, actor, now, created.apply(key));
    Change c = new Change(TicketHistory.apply(null, first), actor, now);
    c.events.add(first);
    return c;
  }

  /** A copy of an entry under a new id, keeping its kind, author, time, body and attachments. */
  private Entry copyOf(Entry e) {
    return new Entry(new EntryId(ids.next()), e.kind(), e.author(), e.channel(), e.body(), e.at(), e.attachments());
  }

  /** Runs a command that touches several tickets, again on a conflict (it reloads everything). */
  private static Ticket retryOnConflict(java.util.function.Supplier<Ticket> attempt) {
    for (int i = 0; ; i++) {
      try {
        return attempt.get();
      } catch (ConcurrentModificationException e) {
        if (i >= RETRIES) {
          throw e;
        }
        backOff(i);
      }
    }
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

  /**
   * The entry of a message, its attachments written to the blob store and remembered on the change
   * (whose {@link #commit} deletes them again if the change is not stored). Call it last, after
   * every check of the command, just before the commit.
   */
  private Entry newEntry(Change c, Principal p, EntryKind kind, Message m) {
    List<Attachment> atts = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    try {
      for (NewAttachment na : m.attachments()) {
        byte[] content = na.content();
        String key = blobs.put(content);
        stored.add(key);
        atts.add(new Attachment(new AttachmentId(ids.next()), na.fileName(), na.contentType(), content.length, key));
      }
    } catch (RuntimeException e) {
      stored.forEach(blobs::delete);
      throw e;
    }
    c.blobs.addAll(stored);
    return new Entry(new EntryId(ids.next()), kind, Author.of(p), m.channel(), m.body(), c.at, atts);
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
      boolean customer = author instanceof Principal.Customer;
      if (customer && t.state() == TicketState.CLOSED
          || customer && t.state() == TicketState.SOLVED && t.solvedAt() != null
              && clock.instant().isAfter(t.solvedAt().plus(reopenWindow))) {
        return followUp(author, t, message);
      }
      if (t.state() == TicketState.CLOSED || t.state() == TicketState.MERGED) {
        throw new IllegalTransitionException("ticket " + t.key() + " is " + t.state() + " and takes no replies");
      }
      Change c = change(author, t);
      c.add(new TicketChange.EntryAdded(newEntry(c, author, EntryKind.PUBLIC_REPLY, message)));
      if (customer && (t.state() == TicketState.SOLVED || t.state() == TicketState.PENDING)) {
        c.add(new TicketChange.StateChanged(t.state(), TicketState.OPEN));
      } else if (author instanceof Principal.Agent && t.state() == TicketState.NEW) {
        c.add(new TicketChange.StateChanged(TicketState.NEW, TicketState.OPEN));
      }
      return commit(c);
    });
  }

  private Ticket followUp(Principal customer, Ticket old, Message message) {
    Change nc = newTicket(customer, key -> new TicketChange.Created(
        key, old.subject(), old.requester(), old.organization(), message.channel(), old.priority(),
        old.type(), new TreeSet<>(old.tags()), new TreeMap<>(old.fields()), old.tier(), old.team(), old.assignee()));
    nc.add(new TicketChange.EntryAdded(newEntry(nc, customer, EntryKind.PUBLIC_REPLY, message)));
    nc.add(new TicketChange.Linked(new TicketLink(LinkType.FOLLOW_UP_OF, old.id())));
    Change oc = new Change(old, nc.actor, nc.at);
    oc.add(new TicketChange.Linked(new TicketLink(LinkType.FOLLOWED_UP_BY, nc.current.id())));
    commitAll(List.of(oc), List.of(nc));
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
      Change c = change(principal, t);
      c.add(new TicketChange.EntryAdded(newEntry(c, principal, EntryKind.INTERNAL_NOTE, message)));
      return commit(c);
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
      if (!t.state().canTransitionTo(target)) {
        throw new IllegalTransitionException("cannot move ticket " + t.key() + " from " + t.state() + " to " + target);
      }
      Change c = change(principal, t);
      c.add(new TicketChange.StateChanged(t.state(), target));
      return commit(c);
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
      requireNotFinal(t);
      Change c = change(principal, t);
      if (u.subject() != null && !u.subject().equals(t.subject())) {
        c.add(new TicketChange.SubjectChanged(t.subject(), u.subject()));
      }
      if (u.priority() != null && u.priority() != t.priority()) {
        c.add(new TicketChange.PriorityChanged(t.priority(), u.priority()));
      }
      if (u.type() != null && u.type() != t.type()) {
        c.add(new TicketChange.TypeChanged(t.type(), u.type()));
      }
      Set<String> added = new TreeSet<>(u.addTags());
      added.removeAll(t.tags());
      Set<String> removed = new TreeSet<>(u.removeTags());
      removed.retainAll(t.tags());
      removed.removeAll(u.addTags());
      if (t.tags().size() + added.size() - removed.size() > 100) {
        throw new ValidationException("a ticket has at most 100 tags");
      }
      if (!added.isEmpty() || !removed.isEmpty()) {
        c.add(new TicketChange.TagsChanged(added, removed));
      }
      Map<String, FieldValue> fields = new LinkedHashMap<>(t.fields());
      for (var e : new TreeMap<>(u.setFields()).entrySet()) {
        FieldValue before = fields.get(e.getKey());
        if (!e.getValue().equals(before)) {
          c.add(new TicketChange.FieldChanged(e.getKey(), before, e.getValue()));
          fields.put(e.getKey(), e.getValue());
        }
      }
      for (String f : new TreeSet<>(u.removeFields())) {
        if (fields.containsKey(f) && !u.setFields().containsKey(f)) {
          c.add(new TicketChange.FieldChanged(f, fields.remove(f), null));
        }
      }
      if (fields.size() > 200) {
        throw new ValidationException("a ticket has at most 200 custom fields");
      }
      return commit(c);
    });
  }

  private static void requireNotFinal(Ticket t) {
    if (t.state().isFinal()) {
      throw new IllegalTransitionException("ticket " + t.key() + " is " + t.state() + " and cannot be changed");
    }
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
      requireNotFinal(t);
      validateTeamAndAgent(t.tier(), team, assignee);
      Change c = change(principal, t);
      if (!Objects.equals(team, t.team()) || !Objects.equals(assignee, t.assignee())) {
        c.add(new TicketChange.Assigned(t.team(), team, t.assignee(), assignee));
      }
      return commit(c);
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
      requireNotFinal(t);
      if (up ? toTier <= t.tier() : toTier >= t.tier()) {
        throw new ValidationException(
            (up ? "escalation" : "de-escalation") + " from tier " + t.tier() + " must go " + (up ? "up" : "down") + ", not to tier " + toTier);
      }
      TeamId target = team;
      if (target == null) {
        target = defaultTeam(toTier);
      }
      validateTeamAndAgent(toTier, target, null);
      Change c = change(principal, t);
      c.add(new TicketChange.TierChanged(t.tier(), toTier, t.team(), target, t.assignee(), null, reason, r.isSystem()));
      String text = (up ? "Escalated from tier " + t.tier() + " to tier " + toTier + ": " : "Handed back from tier " + t.tier() + " to tier " + toTier + ": ") + reason;
      c.add(new TicketChange.EntryAdded(new Entry(new EntryId(ids.next()), EntryKind.SYSTEM, Author.of(principal), dev.frontline.helpdesk.ticket.Channel.INTERNAL, text, c.at, List.of())));
      return commit(c);
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
    return retryOnConflict(() -> {
      Ticket a = load(r, from);
      access.check(r, a, Permission.TICKET_LINK);
      Ticket b = load(r, to);
      access.check(r, b, Permission.TICKET_LINK);
      TicketLink ab = new TicketLink(type, to);
      if (a.links().contains(ab)) {
        return a;
      }
      Change ca = change(principal, a);
      ca.add(new TicketChange.Linked(ab));
      Change cb = change(principal, b);
      cb.add(new TicketChange.Linked(new TicketLink(type.inverse(), from)));
      commitAll(List.of(ca, cb), List.of());
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
    return retryOnConflict(() -> {
      Ticket s = load(r, sourceId);
      access.check(r, s, Permission.TICKET_MERGE);
      Ticket t = load(r, targetId);
      access.check(r, t, Permission.TICKET_MERGE);
      if (s.version() != sourceVersion) {
        throw new ConcurrentModificationException("ticket " + s.key() + " is at version " + s.version() + ", not " + sourceVersion);
      }
      if (t.state().isFinal()) {
        throw new IllegalTransitionException("cannot merge into ticket " + t.key() + ", it is " + t.state());
      }
      if (!s.state().canTransitionTo(TicketState.MERGED)) {
        // the transition table is the rule: a SOLVED ticket must be reopened before it is merged
        throw new IllegalTransitionException("cannot merge ticket " + s.key() + " from " + s.state());
      }
      if (!s.requester().equals(t.requester()) && (s.organization() == null || !s.organization().equals(t.organization()))) {
        // two customers without an organization have nothing in common: null never equals null here
        throw new ValidationException("tickets of different customers and organizations cannot be merged");
      }
      Change cs = change(principal, s);
      cs.add(new TicketChange.MergedInto(targetId, s.state()));
      Change ct = change(principal, t);
      List<Entry> copies = new ArrayList<>();
      for (Entry e : entries(store.history(sourceId))) {
        copies.add(copyOf(e));
      }
      ct.add(new TicketChange.MergeReceived(sourceId, copies));
      ct.add(new TicketChange.Linked(new TicketLink(LinkType.MERGED_FROM, sourceId)));
      // a conflict on the source makes the next attempt fail on the caller's stale version
      commitAll(List.of(cs, ct), List.of());
      return ct.current;
    });
  }

  @Override
  public Ticket split(Principal principal, TicketId sourceId, EntryId entryId, String subject, @Nullable TeamId team) {
    Rights r = rights(principal);
    Checks.notNull(entryId, "entry id");
    Checks.line(subject, "subject", Ticket.MAX_SUBJECT);
    return retryOnConflict(() -> {
      Ticket s = load(r, sourceId);
      access.check(r, s, Permission.TICKET_SPLIT);
      requireNotFinal(s);
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
      Change nc = newTicket(principal, key -> new TicketChange.Created(
          key, subject, s.requester(), s.organization(), split.channel(), s.priority(), s.type(),
          new TreeSet<>(s.tags()), new TreeMap<>(), s.tier(), newTeam, null));
      requireCreate(r, nc.current);
      validateTeamAndAgent(s.tier(), newTeam, null);
      nc.add(new TicketChange.EntryAdded(copyOf(entry)));
      nc.add(new TicketChange.Linked(new TicketLink(LinkType.SPLIT_FROM, sourceId)));
      Change sc = change(principal, s);
      sc.add(new TicketChange.Linked(new TicketLink(LinkType.SPLIT_INTO, nc.current.id())));
      commitAll(List.of(sc), List.of(nc));
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
  public Ticket automate(Principal principal, Ticket basis, List<TicketEvent> history, Consumer<Edit> body) {
    Change c = change(principal, basis);
    body.accept(c);
    c.recomputeDeadline(history);
    if (c.isEmpty()) {
      return c.current;
    }
    store.update(c.current, c.expectedVersion, c.events);
    notifyListeners(c.events);
    return c.current;
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
      Change c = change(actor, t);
      c.add(build.apply(t, store.history(id)));
      return commit(c);
    });
  }
}
