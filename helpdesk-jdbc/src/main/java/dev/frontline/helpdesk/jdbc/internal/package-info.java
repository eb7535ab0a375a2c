/**
 * Implementation of the JDBC stores: table definitions, JSON codec, migrator and error
 * translation. Not API: may change in any release.
 */
@NullMarked
package dev.frontline.helpdesk.jdbc.internal;

import org.jspecify.annotations.NullMarked;
