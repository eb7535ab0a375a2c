package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A fresh in-memory helpdesk with an intake, for tests. */
final class Fixtures {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);

  final Helpdesk helpdesk;
  final EmailIntake intake;

  Fixtures() {
    this(EmailLimits.ofDefaults());
  }

  Fixtures(EmailLimits limits) {
    helpdesk =
        Helpdesk.builder()
            .ticketStore(new InMemoryTicketStore())
            .directoryStore(new InMemoryDirectoryStore())
            .blobStore(new InMemoryBlobStore())
            .clock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC))
            .ids(IdGenerator.secureRandom())
            .build();
    intake =
        EmailIntake.builder(helpdesk)
            .domain("help.example.com")
            .secret(SECRET)
            .threadStore(new InMemoryEmailThreadStore())
            .limits(limits)
            .build();
  }

  IntakeResult receive(String rfc822) {
    return intake.receive(rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }
}
