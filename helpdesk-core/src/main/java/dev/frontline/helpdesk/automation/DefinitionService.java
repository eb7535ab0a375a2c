package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.access.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The one administration service for every kind of stored definition: macros, triggers,
 * time-based automations and escalation rules ({@link AutomationDefinition.Kind}). Definitions are
 * kept in the store bundle's {@link dev.frontline.helpdesk.spi.AutomationDefinitionStore}, shared by
 * every node on it, each with a revision for optimistic concurrency. Defining a definition checks it
 * as the service that runs it does (conditions must be {@link Rule}s; names must not clash with
 * definitions added in memory or given to the builder; an escalation rule must name tiers, teams and
 * agents the directory has).
 *
 * <p>Rights: {@link dev.frontline.helpdesk.access.Permission#MACRO_MANAGE} for macros, {@link
 * dev.frontline.helpdesk.access.Permission#ADMINISTER} for every other kind, for reads and writes
 * alike. Thread-safe.
 */
public interface DefinitionService {
  /**
   * Defines or replaces a definition if it is still at the revision the caller read.
   *
   * @param principal who defines it
   * @param definition the definition
   * @param expectedRevision the revision read ({@link #find}), {@link
   *     dev.frontline.helpdesk.spi.AutomationDefinitionStore#NEW} for a new one, or {@link
   *     dev.frontline.helpdesk.spi.AutomationDefinitionStore#ANY_REVISION}
   * @return the stored definition with its new revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the right for its kind
   * @throws dev.frontline.helpdesk.ValidationException if it cannot be stored (a host condition, a
   *     name clash)
   * @throws dev.frontline.helpdesk.ConfigurationException if an escalation rule contradicts the
   *     directory
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  StoredDefinition<? extends AutomationDefinition> define(Principal principal, AutomationDefinition definition, long expectedRevision);

  /**
   * Deletes a stored definition if it is still at the revision the caller read.
   *
   * @param principal who deletes it
   * @param kind its kind
   * @param name its name
   * @param expectedRevision the revision read, or {@code ANY_REVISION}
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the right for the kind
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  boolean delete(Principal principal, AutomationDefinition.Kind kind, String name, long expectedRevision);

  /**
   * @param principal who reads
   * @param kind a kind
   * @return the stored definitions of the kind with their revisions, in the order they run
   * @throws dev.frontline.helpdesk.AccessDeniedException without the right for the kind
   */
  List<StoredDefinition<? extends AutomationDefinition>> list(Principal principal, AutomationDefinition.Kind kind);

  /**
   * @param principal who reads
   * @param kind a kind
   * @param name a name
   * @return the stored definition with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the right for the kind
   */
  Optional<StoredDefinition<? extends AutomationDefinition>> find(Principal principal, AutomationDefinition.Kind kind, String name);
}
