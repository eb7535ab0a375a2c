/** Deprecated: the e-mail intake's storage SPI moved to {@link dev.frontline.helpdesk.spi.EmailThreadStore} in helpdesk-core. */
@NullMarked
package dev.frontline.helpdesk.email.spi;

import org.jspecify.annotations.NullMarked;
