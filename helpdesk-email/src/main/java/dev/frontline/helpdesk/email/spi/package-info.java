/** What a storage provider implements for the e-mail intake: the {@link dev.frontline.helpdesk.email.spi.EmailThreadStore}. */
@NullMarked
package dev.frontline.helpdesk.email.spi;

import org.jspecify.annotations.NullMarked;
