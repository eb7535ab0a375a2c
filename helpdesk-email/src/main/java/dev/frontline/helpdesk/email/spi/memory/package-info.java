/** Deprecated: the in-memory e-mail thread store moved to {@link dev.frontline.helpdesk.spi.memory.InMemoryEmailThreadStore} in helpdesk-core. */
@NullMarked
package dev.frontline.helpdesk.email.spi.memory;

import org.jspecify.annotations.NullMarked;
