/** Implementation of the Spring Boot auto-configuration; not API. */
@NullMarked
package dev.frontline.helpdesk.spring.internal;

import org.jspecify.annotations.NullMarked;
