package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.spi.memory.InMemoryStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A fresh in-memory helpdesk with an intake, for tests. */
final class Fixtures {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
  static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

  final InMemoryStores stores = InMemoryStores.create();
  final Helpdesk helpdesk;
  final EmailIntake intake;

  Fixtures() {
    this(EmailLimits.ofDefaults());
  }

  Fixtures(EmailLimits limits) {
    this(limits, Clock.fixed(START, ZoneOffset.UTC), SenderRateLimit.ofDefaults());
  }

  Fixtures(Clock clock, SenderRateLimit rateLimit) {
    this(EmailLimits.ofDefaults(), clock, rateLimit);
  }

  private Fixtures(EmailLimits limits, Clock clock, SenderRateLimit rateLimit) {
    helpdesk =
        Helpdesk.builder().stores(stores)
            .clock(clock)
            .ids(IdGenerator.secureRandom())
            .build();
    intake =
        EmailIntake.builder(helpdesk, stores)
            .domain("help.example.com")
            .secret(SECRET)
            .limits(limits)
            .senderRateLimit(rateLimit)
            .build();
  }

  static byte[] bytes(String rfc822) {
    return rfc822.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  IntakeResult receive(String rfc822) {
    return intake.receive(bytes(rfc822));
  }

  /** A clock tests move by hand; thread-safe. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
