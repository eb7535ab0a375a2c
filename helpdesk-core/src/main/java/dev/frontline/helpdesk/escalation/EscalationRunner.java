package dev.frontline.helpdesk.escalation;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.StoredDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Fires escalation steps on due tickets. Call {@link #runOnce()} periodically (e.g. every minute from
 * a scheduler the host owns); several runners, in one or many processes, may share one store.
 *
 * <p>Each run pages through {@link dev.frontline.helpdesk.spi.TicketStore#due} in batches (keyset
 * paging over the deadline index, never a full scan), re-evaluates each due ticket's SLA as of the
 * run's start, fires the steps whose trigger holds and which the ticket's own history does not show
 * as fired, and stores the steps, their actions' changes and the ticket's new next deadline in one
 * update as {@code Principal.system("escalation")}.
 *
 * <p><b>Exactly once without a claim table.</b> The update carries the version the runner read
 * (optimistic locking), and the fired steps are part of the ticket's history. If two runners
 * race on one ticket, one update wins; the other gets a {@link
 * dev.frontline.helpdesk.ConcurrentModificationException}, re-reads the ticket, sees the steps in
 * its history and skips them. A step therefore fires once per store, with no separate claims SPI:
 * a claim would only save the losing runner a little work, at the cost of a lease protocol. Racing
 * with an agent's edit works the same way.
 *
 * <p>A ticket whose processing fails unexpectedly is logged and skipped; it stays due and is tried
 * again by the next run. Thread-safe.
 */
public interface EscalationRunner {
  /**
   * Processes every ticket due at the current instant.
   *
   * @return how many tickets were updated (steps fired or deadline recomputed)
   */
  int runOnce();

  /**
   * Defines or replaces an escalation rule in the store, shared by every node on it; it runs after
   * the rules given to the builder, from the next evaluation of each ticket on (a ticket's deadline
   * index moves to the rule's instant at its next change or due run). Same as {@link
   * dev.frontline.helpdesk.Helpdesk#definitions()}'s {@code define}.
   *
   * @param principal needs {@link dev.frontline.helpdesk.access.Permission#ADMINISTER}
   * @param rule the rule
   * @param expectedRevision the revision read, {@link
   *     dev.frontline.helpdesk.spi.AutomationDefinitionStore#NEW} for a new rule, or {@link
   *     dev.frontline.helpdesk.spi.AutomationDefinitionStore#ANY_REVISION}
   * @return the stored rule with its revision
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConfigurationException if the rule names tiers, teams or agents
   *     the directory does not have (every problem is listed), or the store bundle has no definition
   *     store
   * @throws dev.frontline.helpdesk.ValidationException if a rule given to the builder has the name
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  StoredDefinition<EscalationRule> define(Principal principal, EscalationRule rule, long expectedRevision);

  /**
   * Deletes a stored escalation rule.
   *
   * @param principal needs {@code ADMINISTER}
   * @param name the rule's name
   * @param expectedRevision the revision read, or {@code ANY_REVISION}
   * @return whether it existed
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   * @throws dev.frontline.helpdesk.ConcurrentModificationException if the stored revision differs
   */
  boolean delete(Principal principal, String name, long expectedRevision);

  /**
   * @param principal needs {@code ADMINISTER}
   * @return the stored rules with their revisions, in the order they run
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  List<StoredDefinition<EscalationRule>> list(Principal principal);

  /**
   * @param principal needs {@code ADMINISTER}
   * @param name a rule name
   * @return the stored rule with its revision, if any
   * @throws dev.frontline.helpdesk.AccessDeniedException without the permission
   */
  Optional<StoredDefinition<EscalationRule>> findStored(Principal principal, String name);

  /** @return every rule in force, in order: the builder's, then the stored ones */
  List<EscalationRule> rules();
}
