package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.automation.Notification;

/**
 * Delivers notifications sent by triggers, automations and macros. Called synchronously after the
 * ticket change is stored; implementations should hand off to a queue or outbox rather than block,
 * and must be thread-safe. Exceptions are logged and do not undo the change.
 */
@FunctionalInterface
public interface NotificationSink {
  /** @param notification what to deliver */
  void send(Notification notification);
}
