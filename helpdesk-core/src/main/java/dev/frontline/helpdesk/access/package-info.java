/**
 * The permission model: principals, roles, team access levels and scopes, checked in every service.
 */
@NullMarked
package dev.frontline.helpdesk.access;

import org.jspecify.annotations.NullMarked;
