/**
 * The directory: agents, teams, support tiers, customers and organizations, and their identifiers.
 */
@NullMarked
package dev.frontline.helpdesk.directory;

import org.jspecify.annotations.NullMarked;
