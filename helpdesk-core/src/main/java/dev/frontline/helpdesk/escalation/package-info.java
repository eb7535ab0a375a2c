/**
 * Tiered escalation. An {@link dev.frontline.helpdesk.escalation.EscalationRule} names a
 * {@link dev.frontline.helpdesk.escalation.EscalationTrigger} (an SLA warning or breach, priority, a
 * VIP organization, reopens, a tag or subject keyword, no agent reply for a while, or an agent's
 * manual escalation) and the {@link dev.frontline.helpdesk.escalation.EscalationAction}s to take
 * when it holds (move up a tier, reassign, raise priority, notify, tag, add an internal note).
 * Multi-level chains are several rules. The {@link dev.frontline.helpdesk.escalation.EscalationRunner}
 * polls the store's deadline index for due tickets and fires each step at most once per ticket,
 * recording it in the ticket's history together with its actions' own changes.
 */
@NullMarked
package dev.frontline.helpdesk.escalation;

import org.jspecify.annotations.NullMarked;
