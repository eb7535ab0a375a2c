package dev.frontline.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.sla.SlaStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target for ticket search and queue queries ({@link TicketService#query} and {@code count})
 * on the in-memory stores: any filters, sort, page size and cursor text either give a page (no
 * larger than the limit, a customer sees only tickets visible to them) or throw {@link
 * ValidationException} / {@link AccessDeniedException}; no query changes a ticket; each costs at
 * most {@link #BUDGET} of CPU time.
 */
class TicketQueryFuzzTest {
  static final Duration BUDGET = Duration.ofMillis(100);
  static OpsDesk desk;
  static long totalForSystem;

  /** The one place that builds the services for this class. */
  static OpsDesk desk() {
    OpsDesk d = new OpsDesk();
    for (int i = 0; i < 40; i++) {
      d.carolAsks("printer " + i);
    }
    return d;
  }

  @BeforeAll
  static void tickets() {
    desk = desk();
    totalForSystem = desk.tickets.count(desk.system, TicketQuery.builder().build());
  }

  @FuzzTest(maxDuration = "10m")
  void query(FuzzedDataProvider data) {
    Principal who = data.pickValue(new Principal[] {desk.alice, desk.ben, desk.bob, desk.sup, desk.carol, desk.dan, desk.system});
    TicketQuery query;
    try {
      TicketQuery.Builder b = TicketQuery.builder();
      if (data.consumeBoolean()) {
        b.states(data.pickValue(TicketState.values()));
      }
      if (data.consumeBoolean()) {
        b.priorities(data.pickValue(Priority.values()));
      }
      if (data.consumeBoolean()) {
        b.tagsAll(data.consumeString(40));
      }
      if (data.consumeBoolean()) {
        b.slaStatuses(data.pickValue(SlaStatus.values()));
      }
      if (data.consumeBoolean()) {
        b.created(Instant.ofEpochSecond(data.consumeLong(-10_000_000_000L, 10_000_000_000L)),
            data.consumeBoolean() ? null : Instant.ofEpochSecond(data.consumeLong(-10_000_000_000L, 10_000_000_000L)));
      }
      b.unassigned(data.consumeBoolean());
      b.sort(data.pickValue(TicketSort.values()));
      b.limit(data.consumeBoolean() ? data.consumeInt(1, 60) : data.consumeInt());
      String cursor = data.consumeRemainingAsString();
      if (!cursor.isEmpty()) {
        b.after(cursor);
      }
      query = b.build();
    } catch (ValidationException invalid) {
      return;
    }
    try {
      TicketPage page = within("query " + query + " as " + who, () -> desk.tickets.query(who, query));
      assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
      if (who == desk.dan) {
        assertThat(page.items()).as("Dan has no tickets and no organization").isEmpty();
      }
      long count = within("count " + query + " as " + who, () -> desk.tickets.count(who, query));
      assertThat(count).isGreaterThanOrEqualTo(page.items().size());
    } catch (ValidationException | AccessDeniedException refused) {
      // a cursor of another sort, or not permitted
    }
    assertThat(desk.tickets.count(desk.system, TicketQuery.builder().build())).as("queries change nothing").isEqualTo(totalForSystem);
  }

  static <T> T within(String what, Supplier<T> op) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int attempt = 0; ; attempt++) {
      long t0 = threads.getCurrentThreadCpuTime();
      T result = op.get();
      long took = threads.getCurrentThreadCpuTime() - t0;
      if (took <= BUDGET.toNanos()) {
        return result;
      }
      if (attempt == 1) {
        fail("over the budget of " + BUDGET.toMillis() + " ms CPU (" + took / 1_000_000 + " ms): "
            + (what.length() > 300 ? what.substring(0, 300) + "..." : what));
      }
    }
  }
}
