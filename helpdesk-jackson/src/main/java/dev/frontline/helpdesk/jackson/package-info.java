/**
 * Frontline values as JSON (Jackson 2), in one stable, explicit format: ticket events and snapshots
 * ({@link dev.frontline.helpdesk.jackson.TicketJson}), signed webhook payloads ({@link
 * dev.frontline.helpdesk.jackson.WebhookPayloads}) and the definitions of macros, triggers and
 * automations ({@link dev.frontline.helpdesk.jackson.AutomationDefinitionJson}). The format names every field and every kind of
 * change explicitly; nothing is serialized by reflection.
 *
 * <p>Customer-facing webhook deliveries carry {@link dev.frontline.helpdesk.jackson.CustomerEvent}s,
 * a projection of the events that holds only what the ticket's customer may see. Receivers that need
 * replay protection verify deliveries with a {@link dev.frontline.helpdesk.jackson.WebhookReceiver}.
 */
@NullMarked
package dev.frontline.helpdesk.jackson;

import org.jspecify.annotations.NullMarked;
