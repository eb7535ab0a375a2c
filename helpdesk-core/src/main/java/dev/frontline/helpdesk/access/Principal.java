package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.internal.Checks;

/**
 * Who performs a service call. The host application authenticates its users and passes the
 * principal explicitly; Frontline never derives identity from anything else (headers, content,
 * thread-locals). Every service operation checks the principal's rights before it reads or
 * changes anything. Immutable and thread-safe.
 */
public sealed interface Principal
    permits Principal.Agent, Principal.Customer, Principal.System, Principal.Anonymous {

  /**
   * An agent acting in the back office; its rights come from its roles and team memberships.
   *
   * @param id the agent
   */
  record Agent(AgentId id) implements Principal {
    /** Rejects a null id. */
    public Agent {
      Checks.notNull(id, "agent id");
    }
  }

  /**
   * A customer acting on their own tickets (and, where their organization shares them, its tickets).
   *
   * @param id the customer
   */
  record Customer(CustomerId id) implements Principal {
    /** Rejects a null id. */
    public Customer {
      Checks.notNull(id, "customer id");
    }
  }

  /**
   * Automation (escalation runner, triggers, intake). Has every right; hosts should only hand it to
   * trusted code paths.
   *
   * @param name what acts, for the audit trail (e.g. {@code "escalation"})
   */
  record System(String name) implements Principal {
    /** Validates the name. */
    public System {
      Checks.identifier(name, "system principal name");
    }
  }

  /** An unauthenticated visitor: may read the public knowledge base and nothing else. */
  record Anonymous() implements Principal {}

  /**
   * @param id the agent
   * @return an agent principal
   */
  static Principal agent(AgentId id) {
    return new Agent(id);
  }

  /**
   * @param id the customer
   * @return a customer principal
   */
  static Principal customer(CustomerId id) {
    return new Customer(id);
  }

  /**
   * @param name what acts
   * @return a system principal
   */
  static Principal system(String name) {
    return new System(name);
  }

  /** @return the anonymous principal */
  static Principal anonymous() {
    return new Anonymous();
  }

  /** @return a stable text form for audit trails and logs, e.g. {@code agent:alice} */
  default String describe() {
    if (this instanceof Agent a) {
      return "agent:" + a.id().value();
    } else if (this instanceof Customer c) {
      return "customer:" + c.id().value();
    } else if (this instanceof System s) {
      return "system:" + s.name();
    }
    return "anonymous";
  }
}
