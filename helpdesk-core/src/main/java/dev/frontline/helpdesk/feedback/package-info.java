/**
 * Customer feedback: CSAT surveys on solved and closed tickets, recorded in the ticket's history.
 */
@NullMarked
package dev.frontline.helpdesk.feedback;

import org.jspecify.annotations.NullMarked;
