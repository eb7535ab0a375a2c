package dev.frontline.helpdesk.spi;

import dev.frontline.helpdesk.ConfigurationException;

/**
 * Every store a {@link dev.frontline.helpdesk.Helpdesk} keeps its data in, as one bundle given to
 * {@link dev.frontline.helpdesk.Helpdesk.Builder#stores(HelpdeskStores)}. Frontline ships two: {@code
 * InMemoryStores} (one process, for tests and demos) and {@code JdbcStores} (one database shared by
 * every node).
 *
 * <p>Tickets, the directory and attachment contents are required. The other stores back one
 * service each; a bundle that cannot provide one keeps the default method, which throws a {@link
 * ConfigurationException} naming the store. The helpdesk then refuses that service when it is first
 * used (or at build, where the service is configured explicitly) — it never falls back to an
 * in-memory store on its own, because that would silently split the data of several nodes.
 *
 * <p>Each method must return the same instance on every call. Implementations are thread-safe.
 */
public interface HelpdeskStores {
  /** @return where tickets and their history are kept */
  TicketStore ticketStore();

  /** @return where agents, teams, tiers, roles, customers and organizations are kept */
  DirectoryStore directoryStore();

  /** @return where attachment contents (and raw e-mails) are kept */
  BlobStore blobStore();

  /**
   * @return the routing ledger (agent loads and the held queue) the router uses
   * @throws ConfigurationException if this bundle has none
   */
  default RoutingLedger routingLedger() {
    throw missing("routingLedger()", "the router");
  }

  /**
   * @return where triggers, automations and macros defined at run time are kept
   * @throws ConfigurationException if this bundle has none
   */
  default AutomationDefinitionStore automationDefinitionStore() {
    throw missing("automationDefinitionStore()", "triggers, automations, macros and stored escalation rules");
  }

  /**
   * @return where knowledge-base articles are kept
   * @throws ConfigurationException if this bundle has none
   */
  default ArticleStore articleStore() {
    throw missing("articleStore()", "the knowledge base");
  }

  /**
   * @return where article votes, views and ticket links are counted
   * @throws ConfigurationException if this bundle has none
   */
  default KnowledgeStatsStore knowledgeStatsStore() {
    throw missing("knowledgeStatsStore()", "the knowledge base");
  }

  /**
   * @return where phone, chat and in-person interactions are kept
   * @throws ConfigurationException if this bundle has none
   */
  default InteractionStore interactionStore() {
    throw missing("interactionStore()", "interactions");
  }

  /**
   * @return where customer assets are kept
   * @throws ConfigurationException if this bundle has none
   */
  default AssetDirectory assetDirectory() {
    throw missing("assetDirectory()", "assets");
  }

  /**
   * @return the metrics computed over the stored tickets
   * @throws ConfigurationException if this bundle has none
   */
  default MetricsStore metricsStore() {
    throw missing("metricsStore()", "metrics");
  }

  /**
   * @return where e-mail threading keeps Message-IDs (used by the e-mail intake module)
   * @throws ConfigurationException if this bundle has none
   */
  default EmailThreadStore emailThreadStore() {
    throw missing("emailThreadStore()", "e-mail intake");
  }

  /**
   * The exception the default methods throw.
   *
   * @param method the missing store method, e.g. {@code "metricsStore()"}
   * @param service what needs it
   * @return the exception, naming the store and what to pass
   */
  static ConfigurationException missing(String method, String service) {
    return new ConfigurationException(
        service + " needs HelpdeskStores." + method + ", which this store bundle does not provide:"
            + " pass a bundle that has it (JdbcStores and InMemoryStores provide every store)");
  }
}
