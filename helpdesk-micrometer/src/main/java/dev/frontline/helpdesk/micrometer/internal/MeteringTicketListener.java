package dev.frontline.helpdesk.micrometer.internal;

import dev.frontline.helpdesk.micrometer.FrontlineMetrics;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.sla.SlaMetricState;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketChange;
import dev.frontline.helpdesk.ticket.TicketEvent;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketListener;
import dev.frontline.helpdesk.ticket.TicketState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts lifecycle events, escalations and SLA breaches from the stored events of each change.
 *
 * <p>An SLA breach is a rise of a metric's breached-cycle count ({@link SlaMetricState#breached()})
 * between a ticket's {@link TicketChange.DeadlineChanged} event and the one before it. The event
 * carries only the state after the change, so the previous state is read from the ticket's history,
 * and only when the new state has a breached cycle at all.
 */
public final class MeteringTicketListener implements TicketListener {
  private final MeterRegistry registry;
  private final TicketStore store;

  /**
   * @param registry where the counters are
   * @param store the helpdesk's ticket store
   */
  public MeteringTicketListener(MeterRegistry registry, TicketStore store) {
    this.registry = registry;
    this.store = store;
  }

  @Override
  public void onEvents(List<TicketEvent> events) {
    Map<TicketId, Optional<Ticket>> tickets = new HashMap<>();
    for (TicketEvent e : events) {
      TicketChange c = e.change();
      if (c instanceof TicketChange.Created created) {
        count(FrontlineMetrics.TICKETS_CREATED, "Tickets created", "channel", tag(created.channel()), "priority",
            tag(created.priority()));
      } else if (c instanceof TicketChange.StateChanged s) {
        String meter = null;
        String description = null;
        if (s.to() == TicketState.SOLVED && s.from() != TicketState.SOLVED) {
          meter = FrontlineMetrics.TICKETS_SOLVED;
          description = "Tickets solved";
        } else if (s.from() == TicketState.SOLVED && s.to() != TicketState.CLOSED && s.to() != TicketState.MERGED) {
          meter = FrontlineMetrics.TICKETS_REOPENED;
          description = "Solved tickets reopened";
        }
        if (meter != null && description != null) {
          Optional<Ticket> t = tickets.computeIfAbsent(e.ticketId(), store::find);
          count(meter, description, "channel", t.map(x -> tag(x.channel())).orElse("unknown"), "priority",
              t.map(x -> tag(x.priority())).orElse("unknown"));
        }
      } else if (c instanceof TicketChange.TierChanged tc && tc.isEscalation()) {
        count(FrontlineMetrics.ESCALATIONS, "Tickets moved up a support tier", "tier", Integer.toString(tc.toTier()),
            "automatic", Boolean.toString(tc.automatic()));
      } else if (c instanceof TicketChange.DeadlineChanged d) {
        countBreaches(e, d);
      }
    }
  }

  private void countBreaches(TicketEvent e, TicketChange.DeadlineChanged d) {
    if (d.sla().values().stream().noneMatch(s -> s.breached() > 0)) {
      return;
    }
    Map<SlaMetric, SlaMetricState> before = previous(e);
    for (Map.Entry<SlaMetric, SlaMetricState> m : d.sla().entrySet()) {
      SlaMetricState was = before.get(m.getKey());
      int rise = m.getValue().breached() - (was == null ? 0 : was.breached());
      if (rise > 0) {
        Counter.builder(FrontlineMetrics.SLA_BREACHES)
            .description("SLA cycles that breached their target")
            .tag("metric", tag(m.getKey()))
            .register(registry)
            .increment(rise);
      }
    }
  }

  /** The SLA state recorded by the ticket's last deadline change before this event. */
  private Map<SlaMetric, SlaMetricState> previous(TicketEvent e) {
    Map<SlaMetric, SlaMetricState> before = Map.of();
    for (TicketEvent h : store.history(e.ticketId())) {
      if (h.version() >= e.version()) {
        break;
      }
      if (h.change() instanceof TicketChange.DeadlineChanged p && !p.sla().isEmpty()) {
        before = p.sla();
      }
    }
    return before;
  }

  private void count(String name, String description, String k1, String v1, String k2, String v2) {
    Counter.builder(name).description(description).tag(k1, v1).tag(k2, v2).register(registry).increment();
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
