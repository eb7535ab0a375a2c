/**
 * Frontline values as JSON (Jackson 2), in one stable, explicit format: ticket events and snapshots
 * ({@link dev.frontline.helpdesk.jackson.TicketJson}), signed webhook payloads ({@link
 * dev.frontline.helpdesk.jackson.WebhookPayloads}) and the definitions of macros, triggers and
 * automations ({@link dev.frontline.helpdesk.jackson.AutomationDefinitionJson}). The format names every field and every kind of
 * change explicitly; nothing is serialized by reflection.
 */
@NullMarked
package dev.frontline.helpdesk.jackson;

import org.jspecify.annotations.NullMarked;
