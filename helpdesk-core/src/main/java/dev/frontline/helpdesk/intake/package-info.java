/**
 * Intake of live contacts: phone calls, chats and walk-ins recorded as {@link dev.frontline.helpdesk.intake.Interaction}s that open or attach to tickets through {@link dev.frontline.helpdesk.intake.InteractionService}. E-mail intake lives in {@code helpdesk-email}.
 */
@NullMarked
package dev.frontline.helpdesk.intake;

import org.jspecify.annotations.NullMarked;
