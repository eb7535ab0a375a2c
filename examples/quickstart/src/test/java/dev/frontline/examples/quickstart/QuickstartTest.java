package dev.frontline.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.knowledge.SearchHit;
import dev.frontline.helpdesk.metrics.MetricsRow;
import dev.frontline.helpdesk.metrics.SlaCompliance;
import dev.frontline.helpdesk.sla.SlaMetric;
import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.ticket.Priority;
import dev.frontline.helpdesk.ticket.TicketState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
  @TempDir Path dir;

  private Quickstart.Result run(ByteArrayOutputStream buf) {
    return new Quickstart(new PrintStream(buf, true, StandardCharsets.UTF_8)).run(dir, new DemoClock(Quickstart.START));
  }

  @Test
  void walksThroughATicketsLife() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Quickstart.Result r = run(buf);
    String out = buf.toString(StandardCharsets.UTF_8);

    // embedded storage on disk
    assertThat(dir.resolve("db")).isDirectory();
    assertThat(dir.resolve("kb-index")).isDirectory();

    // knowledge suggestions in the ticket's language
    assertThat(r.emailSuggestions()).isNotEmpty();
    assertThat(r.emailSuggestions().get(0).articleId().value()).isEqualTo("export-da");
    assertThat(r.emailSuggestions()).extracting(h -> h.locale().getLanguage()).containsOnly("da");
    assertThat(r.phoneSuggestions()).isNotEmpty();
    assertThat(r.phoneSuggestions().get(0).articleId().value()).isEqualTo("password-hu");
    assertThat(r.phoneSuggestions()).extracting((SearchHit h) -> h.locale().getLanguage()).containsOnly("hu");

    // SLA warning, then breach: escalated to tier 2 with a higher priority, solved, rated
    assertThat(r.notifications()).extracting(Notification::source)
        .anyMatch(s -> s.contains("next-response-warning"))
        .anyMatch(s -> s.contains("next-response-breach"));
    assertThat(r.email().state()).isEqualTo(TicketState.SOLVED);
    assertThat(r.email().tier()).isEqualTo(2);
    assertThat(r.email().escalationCount()).isEqualTo(1);
    assertThat(r.email().priority()).isEqualTo(Priority.HIGH);
    assertThat(out).contains("Anna still sees it: false").contains("Carol rates it 4/5");
    // routed by language: Carol's locale (da) is on the ticket, and Anna is the Danish speaker
    assertThat(out).contains("routed (language da): ASSIGNED to anna");
    assertThat(r.email().fields()).containsEntry(dev.frontline.helpdesk.ticket.Ticket.LOCALE_FIELD,
        dev.frontline.helpdesk.ticket.FieldValue.text("da"));

    // phone call solved at first contact
    assertThat(r.phone().state()).isEqualTo(TicketState.SOLVED);
    assertThat(r.phone().escalationCount()).isZero();

    // metrics: two tickets, one resolved at first contact, response times, CSAT
    MetricsRow total = r.metrics().total();
    assertThat(total.created()).isEqualTo(2);
    assertThat(total.resolved()).isEqualTo(2);
    assertThat(total.firstContactResolved()).isEqualTo(1);
    assertThat(total.escalated()).isEqualTo(1);
    assertThat(total.averageFirstResponse()).hasValueSatisfying(d -> assertThat(d).isPositive().isLessThan(Duration.ofHours(1)));
    assertThat(total.csatAverage()).hasValue(4.5);
    // SLA compliance: HD-1's next response was breached (that is what escalated it), both first responses met
    assertThat(total.slaCompliance(SlaMetric.NEXT_RESPONSE).breached()).isEqualTo(1);
    assertThat(total.slaCompliance(SlaMetric.FIRST_RESPONSE)).isEqualTo(new SlaCompliance(2, 0));
    assertThat(out).contains("SLA met");
    assertThat(out).contains("Metrics for Monday").contains("email").contains("phone");
  }

  @Test
  void runsTwiceOnTheSameDirectory() throws Exception {
    Files.writeString(dir.resolve("leftover.txt"), "from an earlier run");
    run(new ByteArrayOutputStream());
    Quickstart.Result second = run(new ByteArrayOutputStream());
    assertThat(second.email().key().toString()).isEqualTo("HD-1");
    assertThat(second.metrics().total().created()).isEqualTo(2);
    assertThat(dir.resolve("leftover.txt")).doesNotExist();
  }
}
