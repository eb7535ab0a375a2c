/**
 * Customer assets (devices, licences, contracts) referenced by tickets, kept behind the {@link dev.frontline.helpdesk.spi.AssetDirectory} SPI.
 */
@NullMarked
package dev.frontline.helpdesk.asset;

import org.jspecify.annotations.NullMarked;
