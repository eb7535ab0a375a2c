/** Implementation details of the e-mail intake; not API, may change at any time. */
@NullMarked
package dev.frontline.helpdesk.email.internal;

import org.jspecify.annotations.NullMarked;
