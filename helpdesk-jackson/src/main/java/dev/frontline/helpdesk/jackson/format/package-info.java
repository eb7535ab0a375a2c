/**
 * The stored format: how Frontline's stores keep each aggregate as a JSON document, one class per
 * aggregate ({@link dev.frontline.helpdesk.jackson.format.TicketFormat}, {@link
 * dev.frontline.helpdesk.jackson.format.DirectoryFormat}, {@link
 * dev.frontline.helpdesk.jackson.format.KnowledgeFormat}, {@link
 * dev.frontline.helpdesk.jackson.format.OperationsFormat}).
 *
 * <p>These documents are on disk in every deployment, so the format is API with a compatibility
 * promise: every document carries its format version ({@code "v":1}; automation definitions carry
 * theirs as {@code "format":1}), a release writes the newest version it knows and reads every
 * version it knows, and documents without a version field (written before the field existed) are
 * version 1. A document of a newer version than a release knows is refused with a {@link
 * dev.frontline.helpdesk.jackson.format.FormatVersionException} naming the version (a definition
 * with a {@link dev.frontline.helpdesk.jackson.DefinitionFormatException}), never misread. Golden
 * documents of every version are in {@code helpdesk-testkit} ({@code StoredFormatContract}).
 *
 * <p>The webhook wire format ({@link dev.frontline.helpdesk.jackson.TicketJson}, {@link
 * dev.frontline.helpdesk.jackson.WebhookPayloads}) is separate: it shares today's shapes but may
 * diverge, so a webhook change is not a database change and the reverse.
 */
@NullMarked
package dev.frontline.helpdesk.jackson.format;

import org.jspecify.annotations.NullMarked;
