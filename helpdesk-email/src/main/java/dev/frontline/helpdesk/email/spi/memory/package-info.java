/** Thread-safe in-memory reference implementation of the e-mail SPI, for tests, demos and small embeds. */
@NullMarked
package dev.frontline.helpdesk.email.spi.memory;

import org.jspecify.annotations.NullMarked;
