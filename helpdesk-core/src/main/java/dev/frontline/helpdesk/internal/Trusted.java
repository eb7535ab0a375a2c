package dev.frontline.helpdesk.internal;

import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;

/** Reaches the trusted paths of the default services for Frontline's own modules. */
public final class Trusted {
  private Trusted() {}

  /**
   * @param helpdesk a helpdesk
   * @return its ticket service as the default implementation
   * @throws HelpdeskException if the ticket service was replaced by something else
   */
  public static DefaultTicketService tickets(Helpdesk helpdesk) {
    if (helpdesk.tickets() instanceof DefaultTicketService d) {
      return d;
    }
    throw new HelpdeskException("this module needs Frontline's own ticket service");
  }
}
