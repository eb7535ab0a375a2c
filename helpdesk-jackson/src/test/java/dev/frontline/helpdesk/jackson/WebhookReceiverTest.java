package dev.frontline.helpdesk.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("receiving webhook deliveries with replay protection")
class WebhookReceiverTest {
  static final Instant AT = WebhookPayloadsTest.AT;
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final WebhookPayloads PAYLOADS = WebhookPayloads.withSecret(WebhookPayloadsTest.SECRET);

  static WebhookPayloads.Delivery delivery(String id, Instant sentAt) {
    return PAYLOADS.deliver(id, WebhookPayloadsTest.events(), sentAt);
  }

  @Test
  @DisplayName("a delivery is accepted once; an exact replay within the window is rejected although its signature is still valid")
  void exactReplay() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE);
    WebhookPayloads.Delivery d = delivery("d-1", AT);
    assertThat(r.receive(d.body(), d.signature(), AT.plusSeconds(1))).isEqualTo(WebhookPayloadsTest.events());
    // the stateless check alone lets the copy through ...
    assertThat(PAYLOADS.verify(d.body(), d.signature(), AT.plusSeconds(60), TOLERANCE)).isEqualTo(WebhookPayloadsTest.events());
    // ... the receiver does not
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), AT.plusSeconds(60)))
        .isInstanceOf(ReplayedDeliveryException.class)
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ReplayedDeliveryException) e).deliveryId()).isEqualTo("d-1"));
  }

  @Test
  @DisplayName("a re-signed copy with the same id is rejected within the window and accepted once the first copy has expired")
  void resigned() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE);
    WebhookPayloads.Delivery d = delivery("d-1", AT);
    r.receive(d.body(), d.signature(), AT);
    Instant soon = AT.plusSeconds(30);
    WebhookPayloads.Delivery retry = delivery("d-1", soon);
    assertThatThrownBy(() -> r.receive(retry.body(), retry.signature(), soon)).isInstanceOf(ReplayedDeliveryException.class);
    // the last second in which the first copy still passes the time check: still guarded
    Instant edge = AT.plus(TOLERANCE);
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), edge)).isInstanceOf(ReplayedDeliveryException.class);
    // the rejected retry was signed later, so it stays guarded until its own window ends
    Instant afterFirst = AT.plus(TOLERANCE).plusSeconds(1);
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), afterFirst))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class); // stale now
    assertThatThrownBy(() -> r.receive(retry.body(), retry.signature(), afterFirst)).isInstanceOf(ReplayedDeliveryException.class);
    Instant later = soon.plus(TOLERANCE).plusSeconds(1);
    WebhookPayloads.Delivery late = delivery("d-1", later);
    assertThat(r.receive(late.body(), late.signature(), later)).hasSize(3);
  }

  @Test
  @DisplayName("a delivery whose processing failed is accepted again after release")
  void release() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE);
    WebhookPayloads.Delivery d = delivery("d-1", AT);
    r.receive(d.body(), d.signature(), AT);
    assertThat(r.release("d-1")).isTrue();
    assertThat(r.release("d-1")).isFalse();
    assertThat(r.receive(d.body(), d.signature(), AT)).hasSize(3);
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), AT)).isInstanceOf(ReplayedDeliveryException.class);
  }

  @Test
  @DisplayName("forged, tampered or stale deliveries are rejected and do not block their id")
  void forgedNotRecorded() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE);
    WebhookPayloads.Delivery d = delivery("d-1", AT);
    byte[] other = WebhookPayloadsTest.SECRET.clone();
    other[0] ^= 1;
    WebhookPayloads.Delivery forged = WebhookPayloads.withSecret(other).deliver("d-1", WebhookPayloadsTest.events(), AT);
    assertThatThrownBy(() -> r.receive(forged.body(), forged.signature(), AT))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class);
    assertThatThrownBy(() -> r.receive(d.body().replace("Printer", "Scanner"), d.signature(), AT))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class);
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), AT.plus(Duration.ofHours(1))))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class);
    assertThat(r.receive(d.body(), d.signature(), AT)).hasSize(3);
  }

  @Test
  @DisplayName("customer deliveries are guarded too, and each kind of delivery is read only by its own method")
  void customer() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE);
    WebhookPayloads.Delivery d = PAYLOADS.deliverToCustomer("c-1", WebhookPayloads.customerVisible(WebhookPayloadsTest.events()), AT);
    assertThatThrownBy(() -> r.receive(d.body(), d.signature(), AT))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class);
    assertThat(r.receiveCustomer(d.body(), d.signature(), AT)).hasSize(2);
    assertThatThrownBy(() -> r.receiveCustomer(d.body(), d.signature(), AT)).isInstanceOf(ReplayedDeliveryException.class);
    WebhookPayloads.Delivery full = delivery("f-1", AT);
    assertThatThrownBy(() -> r.receiveCustomer(full.body(), full.signature(), AT))
        .isInstanceOf(ValidationException.class).isNotInstanceOf(ReplayedDeliveryException.class);
  }

  @Test
  @DisplayName("a full guard rejects new ids instead of forgetting unexpired ones, and makes room as ids expire")
  void capacity() {
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE, 2);
    for (String id : List.of("d-1", "d-2")) {
      WebhookPayloads.Delivery d = delivery(id, AT);
      r.receive(d.body(), d.signature(), AT);
    }
    WebhookPayloads.Delivery third = delivery("d-3", AT);
    assertThatThrownBy(() -> r.receive(third.body(), third.signature(), AT)).isInstanceOf(ReplayGuardFullException.class);
    WebhookPayloads.Delivery first = delivery("d-1", AT);
    assertThatThrownBy(() -> r.receive(first.body(), first.signature(), AT.plusSeconds(10)))
        .isInstanceOf(ReplayedDeliveryException.class);
    Instant later = AT.plus(TOLERANCE).plusSeconds(1);
    WebhookPayloads.Delivery fresh = delivery("d-3", later);
    assertThat(r.receive(fresh.body(), fresh.signature(), later)).hasSize(3);
    WebhookPayloads.Delivery fourth = delivery("d-4", later);
    assertThat(r.receive(fourth.body(), fourth.signature(), later)).hasSize(3);
    WebhookPayloads.Delivery fifth = delivery("d-5", later);
    assertThatThrownBy(() -> r.receive(fifth.body(), fifth.signature(), later)).isInstanceOf(ReplayGuardFullException.class);
  }

  @Test
  @DisplayName("invalid settings are rejected")
  void settings() {
    assertThatThrownBy(() -> WebhookReceiver.create(PAYLOADS, Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> WebhookReceiver.create(PAYLOADS, TOLERANCE, 0)).isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("concurrent copies of the same delivery are accepted exactly once")
  void concurrentCopies() throws Exception {
    int threads = 8;
    int ids = 1000;
    WebhookReceiver r = WebhookReceiver.create(PAYLOADS, TOLERANCE, ids);
    List<List<WebhookPayloads.Delivery>> copies = new ArrayList<>();
    for (int i = 0; i < ids; i++) {
      // every thread gets its own copy, signed anew as a sender's retry would be; the id is what counts
      List<WebhookPayloads.Delivery> c = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        c.add(delivery("d-" + i, AT.plusSeconds((i + t) % 7)));
      }
      copies.add(c);
    }
    AtomicIntegerArray accepted = new AtomicIntegerArray(ids);
    AtomicInteger replays = new AtomicInteger();
    // all threads receive the copies of one id at the same moment, then move on to the next id
    CyclicBarrier round = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Void> task = () -> {
          for (int i = 0; i < ids; i++) {
            WebhookPayloads.Delivery d = copies.get(i).get(thread);
            round.await(30, TimeUnit.SECONDS);
            try {
              List<TicketEvent> events = r.receive(d.body(), d.signature(), AT.plusSeconds(10));
              assertThat(events).hasSize(3);
              accepted.incrementAndGet(i);
            } catch (ReplayedDeliveryException e) {
              replays.incrementAndGet();
            }
          }
          return null;
        };
        futures.add(pool.submit(task));
      }
      for (Future<Void> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < ids; i++) {
      assertThat(accepted.get(i)).as("acceptances of d-%d", i).isEqualTo(1);
    }
    assertThat(replays.get()).isEqualTo(ids * (threads - 1));
  }
}
