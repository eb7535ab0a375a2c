/**
 * Every Frontline storage SPI on jOOQ over JDBC, for PostgreSQL, MariaDB/MySQL and H2. Start at
 * {@link dev.frontline.helpdesk.jdbc.JdbcStores}.
 */
@NullMarked
package dev.frontline.helpdesk.jdbc;

import org.jspecify.annotations.NullMarked;
