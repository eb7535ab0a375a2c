package dev.frontline.helpdesk.micrometer;

import dev.frontline.helpdesk.micrometer.internal.MeteringTicketListener;
import dev.frontline.helpdesk.micrometer.internal.TimedKnowledgeSearch;
import dev.frontline.helpdesk.spi.KnowledgeSearch;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.TicketListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Micrometer meters for one helpdesk. Register the {@linkplain #ticketListener ticket listener} and
 * the {@linkplain #timed timed knowledge search} with the helpdesk's builder:
 *
 * <pre>{@code
 * FrontlineMetrics metrics = FrontlineMetrics.of(meterRegistry);
 * Helpdesk helpdesk = Helpdesk.builder()
 *     .stores(stores)
 *     .listener(metrics.ticketListener(stores.ticketStore()))
 *     .knowledgeSearch(metrics.timed(knowledgeSearch))
 *     .build();
 * }</pre>
 *
 * <p>Meters (tags have a handful of values each; never ticket, customer or agent ids):
 *
 * <ul>
 *   <li>{@value #TICKETS_CREATED} (counter; {@code channel}, {@code priority}): tickets created
 *   <li>{@value #TICKETS_SOLVED} (counter; {@code channel}, {@code priority}): tickets moved to solved
 *   <li>{@value #TICKETS_REOPENED} (counter; {@code channel}, {@code priority}): solved tickets
 *       reopened
 *   <li>{@value #ESCALATIONS} (counter; {@code tier}: the tier moved to, {@code automatic}: by a
 *       rule or by an agent): tickets moved up a tier
 *   <li>{@value #SLA_BREACHES} (counter; {@code metric}: {@code first_response}, {@code
 *       next_response}, {@code periodic_update}, {@code resolution}): SLA cycles that breached their
 *       target, counted when the breach is recorded on the ticket (by a change or by the escalation
 *       sweep)
 *   <li>{@value #KNOWLEDGE_SEARCH} (timer; {@code operation}: {@code search}, {@code suggest}, {@code
 *       articles_for_text}, {@code similar}; {@code outcome}: {@code success} or {@code error}):
 *       knowledge search latency
 * </ul>
 *
 * <p>Counters count the changes this node makes: with several nodes, sum over them. Thread-safe.
 */
public final class FrontlineMetrics {
  /** Counter: tickets created. */
  public static final String TICKETS_CREATED = "frontline.tickets.created";
  /** Counter: tickets solved. */
  public static final String TICKETS_SOLVED = "frontline.tickets.solved";
  /** Counter: solved tickets reopened. */
  public static final String TICKETS_REOPENED = "frontline.tickets.reopened";
  /** Counter: escalations to a higher tier. */
  public static final String ESCALATIONS = "frontline.escalations";
  /** Counter: SLA breaches. */
  public static final String SLA_BREACHES = "frontline.sla.breaches";
  /** Timer: knowledge search operations. */
  public static final String KNOWLEDGE_SEARCH = "frontline.knowledge.search";

  private final MeterRegistry registry;

  private FrontlineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param registry where the meters are registered
   * @return the meters of one helpdesk
   */
  public static FrontlineMetrics of(MeterRegistry registry) {
    return new FrontlineMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * A listener for {@code Helpdesk.builder().listener(...)} that counts tickets created, solved and
   * reopened, escalations and SLA breaches. It reads the changed ticket from the store to tag solved
   * and reopened tickets, and the ticket's history when a change records a breached SLA metric (to
   * tell a new breach from one recorded before); nothing else.
   *
   * @param store the helpdesk's ticket store
   * @return the listener
   */
  public TicketListener ticketListener(TicketStore store) {
    return new MeteringTicketListener(registry, Objects.requireNonNull(store, "store"));
  }

  /**
   * @param search a knowledge search
   * @return the same search, with every read ({@code search}, {@code suggest}, {@code
   *     articlesForText}, {@code similar}) timed as {@value #KNOWLEDGE_SEARCH}; writes and the
   *     index cursor are passed through untimed
   */
  public KnowledgeSearch timed(KnowledgeSearch search) {
    return new TimedKnowledgeSearch(Objects.requireNonNull(search, "search"), registry, KNOWLEDGE_SEARCH);
  }
}
