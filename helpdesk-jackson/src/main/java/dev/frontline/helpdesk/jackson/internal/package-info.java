/** Implementation details of the JSON mapping. Not API: may change in any release without notice. */
@NullMarked
package dev.frontline.helpdesk.jackson.internal;

import org.jspecify.annotations.NullMarked;
