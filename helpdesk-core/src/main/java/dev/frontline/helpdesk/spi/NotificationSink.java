package dev.frontline.helpdesk.spi;

/**
 * Delivers the notifications escalation rules ask for. Called after the step that asked for it was
 * stored, once per stored step (a crash between storing and delivering loses the notification; the
 * step itself stays in the ticket's history). Implementations must be thread-safe and should return
 * quickly (queue the delivery); an exception is logged and does not undo the step.
 */
@FunctionalInterface
public interface NotificationSink {
  /** A sink that drops every notification (the default). */
  NotificationSink NONE = n -> {};

  /**
   * @param notification what to deliver
   */
  void send(Notification notification);
}
