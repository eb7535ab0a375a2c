package dev.frontline.helpdesk;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.AccessListener;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.internal.DeadlineCalculator;
import dev.frontline.helpdesk.internal.DefaultEscalationRunner;
import dev.frontline.helpdesk.internal.DefaultSlaService;
import dev.frontline.helpdesk.internal.DefaultTicketService;
import dev.frontline.helpdesk.internal.SlaEngine;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.sla.SlaPolicy;
import dev.frontline.helpdesk.sla.SlaService;
import dev.frontline.helpdesk.spi.NotificationSink;
import dev.frontline.helpdesk.internal.LateListeners;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.TicketKey;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A configured helpdesk: the entry point to every service. Build one per application with {@link
 * #builder()}, passing every store explicitly; nothing is discovered from the classpath. Several
 * instances (also in several processes) may share the same stores. Thread-safe.
 *
 * <pre>{@code
 * Helpdesk helpdesk = Helpdesk.builder()
 *     .ticketStore(new InMemoryTicketStore())
 *     .directoryStore(new InMemoryDirectoryStore())
 *     .blobStore(new InMemoryBlobStore())
 *     .clock(Clock.systemUTC())
 *     .slaPolicies(List.of(vipPolicy, defaultPolicy))          // optional: first match wins
 *     .escalationRules(List.of(warnLead, breachToTier2))         // optional
 *     .notificationSink(mailer)                                  // optional
 *     .build();
 * Ticket t = helpdesk.tickets().create(principal, NewTicket.builder(...).build());
 * SlaReport sla = helpdesk.sla().status(agent, t.id());
 * scheduler.scheduleAtFixedRate(() -> helpdesk.escalation().runOnce(), 1, 1, MINUTES);
 * }</pre>
 */
public final class Helpdesk {
  private final TicketStore ticketStore;
  private final DirectoryStore directoryStore;
  private final BlobStore blobStore;
  private final Clock clock;
  private final IdGenerator ids;
  private final AccessControl access;
  private final DefaultTicketService tickets;
  private final SlaService sla;
  private final EscalationRunner escalation;
  private final LateListeners lateListeners = new LateListeners();

  private Helpdesk(Builder b) {
    // build() has checked the stores
    this.ticketStore = Objects.requireNonNull(b.ticketStore);
    this.directoryStore = Objects.requireNonNull(b.directoryStore);
    this.blobStore = Objects.requireNonNull(b.blobStore);
    this.clock = b.clock;
    this.ids = b.ids;
    this.access = new AccessControl(directoryStore, clock, b.accessListeners);
    b.listeners.add(lateListeners); // removed again below, so the builder can be reused
    this.tickets =
        new DefaultTicketService(
            ticketStore, directoryStore, blobStore, access, clock, ids, b.listeners, b.keyPrefix,
            b.reopenWindow, b.autoCloseAfter, DeadlineCalculator.NONE);
    SlaEngine engine = new SlaEngine(b.slaPolicies, b.escalationRules, directoryStore, clock);
    if (!b.slaPolicies.isEmpty() || !b.escalationRules.isEmpty()) {
      tickets.deadlineCalculator(engine);
    }
    this.sla = new DefaultSlaService(tickets, ticketStore, access, engine, clock);
    this.escalation =
        new DefaultEscalationRunner(ticketStore, directoryStore, tickets, engine, b.notificationSink, clock, ids, b.escalationBatchSize);
    b.listeners.remove(lateListeners);
  }

  /**
   * Registers a listener after building, for services that need the built helpdesk (router,
   * triggers). It receives the events of every change stored from now on, after the listeners
   * given to the builder.
   *
   * @param listener the listener
   */
  public void addListener(TicketListener listener) {
    lateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the ticket service */
  public TicketService tickets() {
    return tickets;
  }

  /** @return the SLA read API (agents only) */
  public SlaService sla() {
    return sla;
  }

  /**
   * @return the escalation runner over this helpdesk's store and rules; call {@link
   *     EscalationRunner#runOnce()} periodically (thread-safe; several may run at once)
   */
  public EscalationRunner escalation() {
    return escalation;
  }

  /** @return the access control used by every service (for hosts that want to ask it directly) */
  public AccessControl access() {
    return access;
  }

  /** @return the directory store (agents, teams, customers); writes to it are not permission-checked */
  public DirectoryStore directory() {
    return directoryStore;
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** @return the id generator */
  public IdGenerator ids() {
    return ids;
  }

  /** @return the ticket store */
  public TicketStore ticketStore() {
    return ticketStore;
  }

  /** @return the blob store */
  public BlobStore blobStore() {
    return blobStore;
  }

  /**
   * Builds {@link Helpdesk} instances. Every store is required. Setters validate at once and throw
   * {@link IllegalArgumentException} or {@link NullPointerException}. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable TicketStore ticketStore;
    private @Nullable DirectoryStore directoryStore;
    private @Nullable BlobStore blobStore;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.secureRandom();
    private final List<TicketListener> listeners = new ArrayList<>();
    private final List<AccessListener> accessListeners = new ArrayList<>();
    private String keyPrefix = "HD";
    private Duration reopenWindow = Duration.ofDays(7);
    private Duration autoCloseAfter = Duration.ofDays(4);
    private List<SlaPolicy> slaPolicies = List.of();
    private List<EscalationRule> escalationRules = List.of();
    private NotificationSink notificationSink = NotificationSink.NONE;
    private int escalationBatchSize = 200;

    private Builder() {}

    /**
     * @param store where tickets and their history are kept
     * @return this
     */
    public Builder ticketStore(TicketStore store) {
      ticketStore = Objects.requireNonNull(store, "ticketStore");
      return this;
    }

    /**
     * @param store where agents, teams, roles and customers are kept
     * @return this
     */
    public Builder directoryStore(DirectoryStore store) {
      directoryStore = Objects.requireNonNull(store, "directoryStore");
      return this;
    }

    /**
     * @param store where attachment contents are kept
     * @return this
     */
    public Builder blobStore(BlobStore store) {
      blobStore = Objects.requireNonNull(store, "blobStore");
      return this;
    }

    /**
     * @param c the clock every service reads (default: system UTC)
     * @return this
     */
    public Builder clock(Clock c) {
      clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * @param g the id generator (default: 128 random bits from SecureRandom)
     * @return this
     */
    public Builder ids(IdGenerator g) {
      ids = Objects.requireNonNull(g, "ids");
      return this;
    }

    /**
     * @param l receives the events of every stored change
     * @return this
     */
    public Builder listener(TicketListener l) {
      listeners.add(Objects.requireNonNull(l, "listener"));
      return this;
    }

    /**
     * @param l receives every denied attempt
     * @return this
     */
    public Builder accessListener(AccessListener l) {
      accessListeners.add(Objects.requireNonNull(l, "accessListener"));
      return this;
    }

    /**
     * @param prefix ticket key prefix, e.g. {@code HD} for {@code HD-1042}
     * @return this
     * @throws IllegalArgumentException if not 1-10 upper-case letters/digits starting with a letter
     */
    public Builder keyPrefix(String prefix) {
      if (!TicketKey.isValidPrefix(prefix)) {
        throw new IllegalArgumentException("key prefix must be 1-10 upper-case letters or digits starting with a letter");
      }
      keyPrefix = prefix;
      return this;
    }

    /**
     * @param window how long after solving a customer reply reopens the ticket (default 7 days);
     *     later replies open a follow-up ticket
     * @return this
     */
    public Builder reopenWindow(Duration window) {
      if (Objects.requireNonNull(window, "reopenWindow").isNegative()) {
        throw new IllegalArgumentException("reopen window must not be negative");
      }
      reopenWindow = window;
      return this;
    }

    /**
     * @param after how long a ticket stays SOLVED before {@link TicketService#closeSolvedTickets}
     *     closes it (default 4 days)
     * @return this
     */
    public Builder autoCloseAfter(Duration after) {
      if (Objects.requireNonNull(after, "autoCloseAfter").isNegative()) {
        throw new IllegalArgumentException("auto-close period must not be negative");
      }
      autoCloseAfter = after;
      return this;
    }

    /**
     * Sets the SLA policies. The first policy whose conditions match a ticket applies, so put the
     * most specific first and a default (matching every ticket) last; tickets no policy matches have
     * no SLA. After every change the ticket's next deadline (earliest pending warning or breach,
     * or escalation step) is recomputed and stored.
     *
     * @param policies the policies in order of precedence (default none)
     * @return this
     * @throws IllegalArgumentException if two policies share a name
     */
    public Builder slaPolicies(List<SlaPolicy> policies) {
      List<SlaPolicy> copy = List.copyOf(Objects.requireNonNull(policies, "slaPolicies"));
      var names = new HashSet<String>();
      for (SlaPolicy p : copy) {
        if (!names.add(p.name())) {
          throw new IllegalArgumentException("duplicate SLA policy name: " + p.name());
        }
      }
      slaPolicies = copy;
      return this;
    }

    /**
     * Sets the escalation rules run by {@link Helpdesk#escalation()}, in order.
     *
     * @param rules the rules (default none)
     * @return this
     * @throws IllegalArgumentException if two rules share a name
     */
    public Builder escalationRules(List<EscalationRule> rules) {
      List<EscalationRule> copy = List.copyOf(Objects.requireNonNull(rules, "escalationRules"));
      var names = new HashSet<String>();
      for (EscalationRule r : copy) {
        if (!names.add(r.name())) {
          throw new IllegalArgumentException("duplicate escalation rule name: " + r.name());
        }
      }
      escalationRules = copy;
      return this;
    }

    /**
     * @param sink receives the notifications escalation rules send (default: dropped)
     * @return this
     */
    public Builder notificationSink(NotificationSink sink) {
      notificationSink = Objects.requireNonNull(sink, "notificationSink");
      return this;
    }

    /**
     * @param size how many due tickets the escalation runner reads per page (default 200)
     * @return this
     * @throws IllegalArgumentException if not 1-10000
     */
    public Builder escalationBatchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("escalation batch size must be 1-10000, was " + size);
      }
      escalationBatchSize = size;
      return this;
    }

    /**
     * @return the helpdesk
     * @throws IllegalStateException if a store is missing
     */
    public Helpdesk build() {
      if (ticketStore == null || directoryStore == null || blobStore == null) {
        throw new IllegalStateException("ticketStore, directoryStore and blobStore are required");
      }
      Checks.notNull(clock, "clock");
      return new Helpdesk(this);
    }
  }
}
