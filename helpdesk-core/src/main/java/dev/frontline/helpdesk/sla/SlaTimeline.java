package dev.frontline.helpdesk.sla;

import dev.frontline.helpdesk.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA-relevant events in order: exactly one {@link SlaEvent.Created} first, then events
 * at non-decreasing instants. Events at the same instant apply in list order. Immutable and
 * thread-safe.
 *
 * @param events the events (an unmodifiable copy)
 */
public record SlaTimeline(List<SlaEvent> events) {
  /** Validates and copies. */
  public SlaTimeline {
    events = List.copyOf(Checks.elements(events, "events", 1_000_000));
    Checks.require(!events.isEmpty() && events.get(0) instanceof SlaEvent.Created, "a timeline starts with Created");
    Instant last = events.get(0).at();
    for (int i = 1; i < events.size(); i++) {
      SlaEvent e = events.get(i);
      Checks.require(!(e instanceof SlaEvent.Created), "a timeline has only one Created event");
      Checks.require(!e.at().isBefore(last), "timeline events must be in order of time; event " + i + " at " + e.at() + " is before " + last);
      last = e.at();
    }
  }

  /**
   * @param events the events
   * @return the timeline
   */
  public static SlaTimeline of(SlaEvent... events) {
    return new SlaTimeline(List.of(events));
  }

  /** @return when the ticket was created */
  public Instant createdAt() {
    return events.get(0).at();
  }
}
