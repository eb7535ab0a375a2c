/**
 * Service provider interfaces implemented by storage and search providers; each is covered by the contract test kit in {@code helpdesk-testkit}.
 */
@NullMarked
package dev.frontline.helpdesk.spi;

import org.jspecify.annotations.NullMarked;
