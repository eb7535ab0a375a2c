/** Implementation of the meters; not API. */
@NullMarked
package dev.frontline.helpdesk.micrometer.internal;

import org.jspecify.annotations.NullMarked;
