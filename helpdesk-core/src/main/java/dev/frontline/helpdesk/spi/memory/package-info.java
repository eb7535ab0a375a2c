/**
 * Thread-safe in-memory reference implementations of every SPI, for tests, demos and small embeds.
 */
@NullMarked
package dev.frontline.helpdesk.spi.memory;

import org.jspecify.annotations.NullMarked;
