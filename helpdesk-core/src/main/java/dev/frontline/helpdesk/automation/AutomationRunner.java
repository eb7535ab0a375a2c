package dev.frontline.helpdesk.automation;

import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.List;
import java.util.Optional;

/**
 * Runs time-based {@link Automation}s. Call {@link #runDue()} periodically (e.g. every minute) from
 * a scheduler; several nodes may call it at once.
 *
 * <p>Two sources of automations: {@link #add} keeps an automation in this runner's memory (the
 * host's own configuration at start-up; its conditions may be host code). {@link #define}, {@link
 * #delete} and {@link #list} manage automations in an {@link AutomationDefinitionStore} and need
 * {@link Permission#ADMINISTER}; with a shared store (e.g. the JDBC one) an automation defined on
 * one node is run by every node's runner. The runner caches the stored automations and re-reads them
 * at the start of each {@link #runDue()} if the store's {@linkplain
 * AutomationDefinitionStore#changeCount() change counter} moved.
 *
 * <p>Each automation fires at most once per stay of a ticket in its state: before acting, the
 * runner appends an {@code automation} custom event naming the automation and the instant the
 * ticket entered the state, and only the caller that stores this marker acts (the ticket's
 * optimistic lock decides between concurrent runners). The marker comes first, so a crash between
 * marker and actions skips the actions rather than repeating them (at most once, e.g. no duplicate
 * reminder mails). A new stay in the state (e.g. PENDING again after a customer reply) fires again.
 * Thread-safe.
 */
public interface AutomationRunner {
  /** The kind of the marker event. */
  String MARKER = "automation";

  /**
   * Adds an automation to this runner's memory. The host's configuration: no permission is checked
   * (the host decides who may call this), the automation is not stored and other nodes do not see
   * it; its conditions may be host code.
   *
   * @param automation the automation
   * @throws dev.frontline.helpdesk.ValidationException if the name is taken by an added or a defined
   *     automation
   */
  void add(Automation automation);

  /** @return the automations that run: the added ones, then the defined ones in store order */
  List<Automation> automations();

  /**
   * Defines or replaces an automation in the store, whatever is stored (last writer wins).
   *
   * @param principal needs {@code ADMINISTER}
   * @param automation the automation; its conditions must be {@link Rule}s
   * @return the stored automation with its revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of an automation added to this runner
   */
  StoredDefinition<Automation> define(Principal principal, Automation automation);

  /**
   * Defines or replaces an automation in the store if it is still at the revision the caller read.
   *
   * @param principal needs {@code ADMINISTER}
   * @param automation the automation; its conditions must be {@link Rule}s
   * @param expectedRevision the revision read (see {@link #findStored}), {@link
   *     AutomationDefinitionStore#NEW} for a new automation, or {@link
   *     AutomationDefinitionStore#ANY_REVISION}
   * @return the stored automation with its new revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ValidationException if a condition is host code, or the name is
   *     that of an automation added to this runner
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  StoredDefinition<Automation> define(Principal principal, Automation automation, long expectedRevision);

  /**
   * Deletes a defined automation, whatever its revision.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  boolean delete(Principal principal, String name);

  /**
   * Deletes a defined automation if it is still at the revision the caller read.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the name
   * @param expectedRevision the revision read, or {@link AutomationDefinitionStore#ANY_REVISION}
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  boolean delete(Principal principal, String name, long expectedRevision);

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the defined automations with their revisions, in store order
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  List<StoredDefinition<Automation>> list(Principal principal);

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a name
   * @return the defined automation with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  Optional<StoredDefinition<Automation>> findStored(Principal principal, String name);

  /**
   * Fires every automation that is due now.
   *
   * @return how many times automations fired
   */
  int runDue();
}
