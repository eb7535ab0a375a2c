package dev.frontline.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void walksThroughATicketsLife() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Ticket t = new Quickstart(new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(t.state()).isEqualTo(TicketState.SOLVED);
    assertThat(t.escalationCount()).isEqualTo(1);
    assertThat(t.tier()).isEqualTo(1);
    assertThat(out).contains("Anna still sees it: false").contains("Carol sees 3 entries");
  }
}
