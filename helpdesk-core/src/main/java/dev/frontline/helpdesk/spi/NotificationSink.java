package dev.frontline.helpdesk.spi;

/**
 * Delivers notifications sent by escalation rules, triggers, automations and macros. Called
 * synchronously after the change that asked for it was stored (a crash in between loses the
 * notification; the change stays in the ticket's history). Implementations must be thread-safe and
 * should return quickly (hand off to a queue or outbox); an exception is logged and does not undo the
 * change.
 */
@FunctionalInterface
public interface NotificationSink {
  /** A sink that drops every notification (the default). */
  NotificationSink NONE = n -> {};

  /** @param notification what to deliver */
  void send(Notification notification);
}
