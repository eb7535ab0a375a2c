package dev.frontline.examples.web;

import dev.frontline.helpdesk.spi.ArticleStore;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.DirectoryStore;
import dev.frontline.helpdesk.spi.TicketStore;
import dev.frontline.helpdesk.spi.memory.InMemoryArticleStore;
import dev.frontline.helpdesk.spi.memory.InMemoryBlobStore;
import dev.frontline.helpdesk.spi.memory.InMemoryDirectoryStore;
import dev.frontline.helpdesk.spi.memory.InMemoryTicketStore;
import java.util.Objects;

/**
 * The stores Frontline needs, as one bean, so that switching storage (in-memory to JDBC) is a
 * change of one bean definition in {@link HelpdeskConfiguration}.
 *
 * @param tickets tickets and their history
 * @param directory agents, teams, tiers, roles, customers, organizations
 * @param blobs attachment contents
 * @param articles knowledge articles with their revisions and change feed
 */
public record HelpdeskStores(TicketStore tickets, DirectoryStore directory, BlobStore blobs, ArticleStore articles) {
  /** Rejects nulls. */
  public HelpdeskStores {
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(articles, "articles");
  }

  /** @return fresh in-memory stores: everything is lost when the application stops */
  public static HelpdeskStores inMemory() {
    return new HelpdeskStores(new InMemoryTicketStore(), new InMemoryDirectoryStore(), new InMemoryBlobStore(), new InMemoryArticleStore());
  }
}
