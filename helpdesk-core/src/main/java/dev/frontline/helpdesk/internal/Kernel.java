package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.TicketStore;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * What the services of one {@link Helpdesk} share: its stores, clock, ids, access control and the
 * ticket writer with its trusted edit path for automation (escalation, triggers, CSAT). Built by
 * {@link Helpdesk} and handed to the services it builds; never exported. Frontline's optional
 * modules (e-mail intake) reach it with {@link #of(Helpdesk)}, which the module descriptor opens to
 * them only.
 */
public final class Kernel {
  private static final Map<Helpdesk, Kernel> KERNELS = Collections.synchronizedMap(new WeakHashMap<>());

  private final HelpdeskStores stores;
  private final Clock clock;
  private final IdGenerator ids;
  private final AccessControl access;
  private final DefaultTicketService tickets;

  /**
   * @param stores the stores
   * @param clock the clock
   * @param ids the id generator
   * @param access the access control
   * @param tickets the ticket service
   */
  public Kernel(HelpdeskStores stores, Clock clock, IdGenerator ids, AccessControl access, DefaultTicketService tickets) {
    this.stores = Objects.requireNonNull(stores);
    this.clock = Objects.requireNonNull(clock);
    this.ids = Objects.requireNonNull(ids);
    this.access = Objects.requireNonNull(access);
    this.tickets = Objects.requireNonNull(tickets);
  }

  /**
   * Records the kernel of a helpdesk being built.
   *
   * @param helpdesk the helpdesk
   * @param kernel its kernel
   */
  public static void register(Helpdesk helpdesk, Kernel kernel) {
    KERNELS.put(helpdesk, kernel);
  }

  /**
   * @param helpdesk a helpdesk
   * @return its kernel
   * @throws HelpdeskException if the helpdesk is still being built
   */
  public static Kernel of(Helpdesk helpdesk) {
    Kernel k = KERNELS.get(Objects.requireNonNull(helpdesk, "helpdesk"));
    if (k == null) {
      throw new HelpdeskException("the helpdesk is not built yet");
    }
    return k;
  }

  /** @return the store bundle */
  public HelpdeskStores stores() {
    return stores;
  }

  /** @return the ticket service with its trusted paths */
  public DefaultTicketService tickets() {
    return tickets;
  }

  /** @return the directory store */
  public DirectoryStore directory() {
    return stores.directoryStore();
  }

  /** @return the ticket store */
  public TicketStore ticketStore() {
    return stores.ticketStore();
  }

  /** @return the blob store */
  public BlobStore blobStore() {
    return stores.blobStore();
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** @return the id generator */
  public IdGenerator ids() {
    return ids;
  }

  /** @return the access control */
  public AccessControl access() {
    return access;
  }

  /**
   * The facts every rule is evaluated on (one directory read for the organization's VIP flag and
   * plan), at the clock's instant.
   *
   * @param t a ticket
   * @return its facts now
   */
  public dev.frontline.helpdesk.automation.TicketFacts facts(dev.frontline.helpdesk.ticket.Ticket t) {
    return SlaEngine.facts(directory(), t, clock().instant());
  }

}
