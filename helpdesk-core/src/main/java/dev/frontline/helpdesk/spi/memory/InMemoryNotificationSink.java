package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.spi.NotificationSink;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records notifications in memory, for tests and demos. Thread-safe. */
public final class InMemoryNotificationSink implements NotificationSink {
  private final List<Notification> sent = new CopyOnWriteArrayList<>();

  /** Creates an empty recorder. */
  public InMemoryNotificationSink() {}

  @Override
  public void send(Notification notification) {
    sent.add(Objects.requireNonNull(notification, "notification"));
  }

  /** @return everything sent so far, in order */
  public List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** Forgets everything sent so far. */
  public void clear() {
    sent.clear();
  }
}
