package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.spi.Notification;
import dev.frontline.helpdesk.spi.NotificationSink;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The reference {@link NotificationSink}: records every notification in order, for tests and demos. Thread-safe. */
public final class InMemoryNotificationSink implements NotificationSink {
  private final List<Notification> sent = new CopyOnWriteArrayList<>();

  /** Creates an empty sink. */
  public InMemoryNotificationSink() {}

  @Override
  public void send(Notification notification) {
    sent.add(Objects.requireNonNull(notification, "notification"));
  }

  /** @return the notifications received so far, in order (a copy) */
  public List<Notification> sent() {
    return List.copyOf(sent);
  }

  /** Forgets every recorded notification. */
  public void clear() {
    sent.clear();
  }
}
