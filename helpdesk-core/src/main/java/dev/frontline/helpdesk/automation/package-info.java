/**
 * Automation: event triggers with loop protection, time-based automations, macros with safe placeholders, notifications and webhook signatures.
 */
@NullMarked
package dev.frontline.helpdesk.automation;

import org.jspecify.annotations.NullMarked;
