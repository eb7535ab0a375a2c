/**
 * Routing: assignment strategies (round robin, least loaded, skills and language), agent availability, per-channel capacity and a fair held queue, applied by the thread-safe {@link dev.frontline.helpdesk.routing.Router}.
 */
@NullMarked
package dev.frontline.helpdesk.routing;

import org.jspecify.annotations.NullMarked;
