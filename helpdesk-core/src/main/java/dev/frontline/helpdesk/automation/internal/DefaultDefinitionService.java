package dev.frontline.helpdesk.automation.internal;

import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.automation.Automation;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.AutomationDefinition.Kind;
import dev.frontline.helpdesk.automation.AutomationRunner;
import dev.frontline.helpdesk.automation.DefinitionService;
import dev.frontline.helpdesk.automation.Macro;
import dev.frontline.helpdesk.automation.MacroService;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.automation.Trigger;
import dev.frontline.helpdesk.automation.TriggerEngine;
import dev.frontline.helpdesk.escalation.EscalationRule;
import dev.frontline.helpdesk.escalation.EscalationRunner;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes each kind to the service that runs it, so that a definition is checked exactly as that
 * service checks it; macros, which {@link MacroService} lists without revisions, are read from the
 * store behind {@link Permission#MACRO_MANAGE}.
 */
public final class DefaultDefinitionService implements DefinitionService {
  private final AccessControl access;
  private final Supplier<TriggerEngine> triggers;
  private final Supplier<AutomationRunner> automations;
  private final Supplier<MacroService> macros;
  private final EscalationRunner escalation;
  private final Supplier<AutomationDefinitionStore> store;

  /**
   * @param access rights
   * @param triggers the trigger engine
   * @param automations the automation runner
   * @param macros the macro service
   * @param escalation the escalation runner
   * @param store the definition store (for listing macros with revisions)
   */
  public DefaultDefinitionService(AccessControl access, Supplier<TriggerEngine> triggers, Supplier<AutomationRunner> automations,
      Supplier<MacroService> macros, EscalationRunner escalation, Supplier<AutomationDefinitionStore> store) {
    this.access = access;
    this.triggers = triggers;
    this.automations = automations;
    this.macros = macros;
    this.escalation = escalation;
    this.store = store;
  }

  @Override
  public StoredDefinition<? extends AutomationDefinition> define(Principal principal, AutomationDefinition d, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(d, "definition");
    if (d instanceof Trigger t) {
      return triggers.get().define(principal, t, expectedRevision);
    } else if (d instanceof Automation a) {
      return automations.get().define(principal, a, expectedRevision);
    } else if (d instanceof Macro m) {
      return macros.get().define(principal, m, expectedRevision);
    } else if (d instanceof EscalationRule r) {
      return escalation.define(principal, r, expectedRevision);
    }
    throw new IllegalStateException("unknown definition " + d.getClass().getName());
  }

  @Override
  public boolean delete(Principal principal, Kind kind, String name, long expectedRevision) {
    Checks.notNull(principal, "principal");
    Checks.notNull(kind, "kind");
    return switch (kind) {
      case TRIGGER -> triggers.get().delete(principal, name, expectedRevision);
      case AUTOMATION -> automations.get().delete(principal, name, expectedRevision);
      case MACRO -> macros.get().delete(principal, name, expectedRevision);
      case ESCALATION_RULE -> escalation.delete(principal, name, expectedRevision);
    };
  }

  @Override
  public List<StoredDefinition<? extends AutomationDefinition>> list(Principal principal, Kind kind) {
    Checks.notNull(principal, "principal");
    Checks.notNull(kind, "kind");
    return switch (kind) {
      case TRIGGER -> new ArrayList<>(triggers.get().list(principal));
      case AUTOMATION -> new ArrayList<>(automations.get().list(principal));
      case ESCALATION_RULE -> new ArrayList<>(escalation.list(principal));
      case MACRO -> {
        access.require(access.rightsOf(principal), Permission.MACRO_MANAGE);
        yield new ArrayList<>(store.get().list(Kind.MACRO));
      }
    };
  }

  @Override
  public Optional<StoredDefinition<? extends AutomationDefinition>> find(Principal principal, Kind kind, String name) {
    Checks.notNull(principal, "principal");
    Checks.notNull(kind, "kind");
    Checks.notNull(name, "name");
    return switch (kind) {
      case TRIGGER -> triggers.get().findStored(principal, name).map(x -> x);
      case AUTOMATION -> automations.get().findStored(principal, name).map(x -> x);
      case ESCALATION_RULE -> escalation.findStored(principal, name).map(x -> x);
      case MACRO -> {
        access.require(access.rightsOf(principal), Permission.MACRO_MANAGE);
        yield store.get().find(Kind.MACRO, name).map(x -> x);
      }
    };
  }
}
