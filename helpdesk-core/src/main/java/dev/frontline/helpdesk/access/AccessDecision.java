package dev.frontline.helpdesk.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A denied attempt, reported to {@link AccessListener}s and logged (SLF4J, logger {@code
 * dev.frontline.helpdesk.access}) so hosts can audit and alert on probing.
 *
 * @param principal who tried
 * @param permission what they tried to do
 * @param target the object's id as given by the caller, if any
 * @param at when
 * @param reason why it was denied (never shown to the caller)
 */
public record AccessDecision(Principal principal, Permission permission, @Nullable String target, Instant at, String reason) {}
