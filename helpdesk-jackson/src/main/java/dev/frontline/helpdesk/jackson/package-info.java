/**
 * Frontline values as JSON (Jackson 2) for the outside world: the webhook wire format of ticket
 * events and snapshots ({@link dev.frontline.helpdesk.jackson.TicketJson}), signed webhook payloads
 * ({@link dev.frontline.helpdesk.jackson.WebhookPayloads}) and the export and import of macros,
 * triggers and automations ({@link dev.frontline.helpdesk.jackson.AutomationDefinitionJson}). The
 * format names every field and every kind of change explicitly; nothing is serialized by
 * reflection.
 *
 * <p>The documents stores keep are the versioned stored format of {@link
 * dev.frontline.helpdesk.jackson.format}; the wire format here is defined on its own and may
 * diverge from it.
 *
 * <p>Customer-facing webhook deliveries carry {@link dev.frontline.helpdesk.jackson.CustomerEvent}s,
 * a projection of the events that holds only what the ticket's customer may see. Receivers that need
 * replay protection verify deliveries with a {@link dev.frontline.helpdesk.jackson.WebhookReceiver}.
 */
@NullMarked
package dev.frontline.helpdesk.jackson;

import org.jspecify.annotations.NullMarked;
