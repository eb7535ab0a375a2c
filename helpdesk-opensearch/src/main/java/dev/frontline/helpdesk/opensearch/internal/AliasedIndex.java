package dev.frontline.helpdesk.opensearch.internal;

import dev.frontline.helpdesk.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * One logical index of an installation, reached through an alias ({@code <prefix>-knowledge},
 * {@code <prefix>-tickets}) that points at one concrete index ({@code <alias>-<schema>} at first,
 * {@code <alias>-<schema>-<time>} after a rebuild).
 *
 * <p>A {@link #rebuild} fills a new concrete index while searches keep reading the old one
 * through the alias; writes made meanwhile through {@link #writeTargets()} go to both, so the new
 * index misses nothing that was written on this node. Once filled, the alias is moved to it in one
 * atomic alias update and the old index is deleted. Thread-safe; rebuilds are serialized.
 */
public final class AliasedIndex {
  private final Cluster cluster;
  private final String alias;
  private final String schema;
  private final Supplier<TypeMapping> mapping;
  private final int shards;
  private final int replicas;
  private volatile @Nullable String building;

  /**
   * @param cluster the cluster
   * @param alias the alias searches and writes use
   * @param schema the mapping's version, part of the concrete index names
   * @param mapping the mapping of a new concrete index
   * @param shards primary shards of a new concrete index
   * @param replicas replicas of a new concrete index
   */
  public AliasedIndex(Cluster cluster, String alias, String schema, Supplier<TypeMapping> mapping, int shards, int replicas) {
    this.cluster = cluster;
    this.alias = alias;
    this.schema = schema;
    this.mapping = mapping;
    this.shards = shards;
    this.replicas = replicas;
  }

  /** @return the alias */
  public String alias() {
    return alias;
  }

  /** Creates the first concrete index with the alias when the alias does not exist. */
  public void ensure() {
    boolean exists = cluster.call("check index " + alias,
        client -> client.indices().existsAlias(a -> a.name(alias)).value());
    if (exists) {
      return;
    }
    String first = alias + "-" + schema;
    try {
      create(first, true);
    } catch (StorageException e) {
      // another node created it meanwhile
      if (Cluster.status(e) != 400 || !String.valueOf(e.getMessage()).contains("resource_already_exists_exception")) {
        throw e;
      }
    }
  }

  private void create(String name, boolean withAlias) {
    TypeMapping m = mapping.get();
    cluster.call("create index " + name, client -> client.indices().create(c -> {
      c.index(name)
          .settings(s -> s.numberOfShards(String.valueOf(shards)).numberOfReplicas(String.valueOf(replicas))
            // the analyzer of the n-gram fields (Ranking): lower-cased character 4-grams of each
            // word, shorter and longer words also kept whole
            .analysis(an -> an
                .filter(Ranking.GRAM_FILTER, tf -> tf.definition(d -> d.ngram(n -> n.minGram(4).maxGram(4).preserveOriginal(true))))
                .analyzer(Ranking.GRAM_ANALYZER, az -> az.custom(x -> x.tokenizer("standard").filter("lowercase", Ranking.GRAM_FILTER)))))
          .mappings(m);
      if (withAlias) {
        c.aliases(alias, a -> a);
      }
      return c;
    }));
  }

  /**
   * Where a write goes: the alias, and during a rebuild also the index being built.
   *
   * @return index names or the alias
   */
  public List<String> writeTargets() {
    String b = building;
    return b == null ? List.of(alias) : List.of(alias, b);
  }

  /**
   * Writes a document to every {@linkplain #writeTargets() write target} with an external version
   * ({@code external_gte}): a version lower than the one indexed changes nothing, the same version
   * again replaces the document.
   *
   * @param what what is written, for messages
   * @param id the document id
   * @param document the document
   * @param version its version
   * @return whether every target took it (false: a newer version was there already somewhere)
   */
  public boolean put(String what, String id, Object document, long version) {
    boolean all = true;
    for (String target : writeTargets()) {
      all &= putInto(target, what, id, document, version);
    }
    return all;
  }

  /**
   * Writes a document to one index or alias, as {@link #put}.
   *
   * @param target the index or alias
   * @param what what is written, for messages
   * @param id the document id
   * @param document the document
   * @param version its version
   * @return whether it was taken (false: a newer version was there already)
   */
  public boolean putInto(String target, String what, String id, Object document, long version) {
    return cluster.call(what, client -> {
      try {
        client.index(i -> i.index(target).id(id).document(document)
            .versionType(VersionType.ExternalGte).version(version));
        return true;
      } catch (OpenSearchException | IOException e) {
        if (Cluster.status(e) == 409) {
          return false;
        }
        throw e;
      }
    });
  }

  /**
   * Writes documents to one index in bulk requests of {@link #BULK} documents, each with its
   * external version as {@link #putInto}: for filling a new index in a rebuild. Not thread-safe.
   */
  public final class Bulk {
    private final String target;
    private final List<BulkOperation> pending = new ArrayList<>();

    private Bulk(String target) {
      this.target = target;
    }

    /**
     * @param id the document id
     * @param document the document
     * @param version its version
     */
    public void put(String id, Object document, long version) {
      pending.add(BulkOperation.of(o -> o.index(i -> i.index(target).id(id).document(document)
          .versionType(VersionType.ExternalGte).version(version))));
      if (pending.size() >= BULK) {
        flush();
      }
    }

    /** Sends what is pending; a refused document (other than an older version) fails the call. */
    public void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<BulkOperation> ops = List.copyOf(pending);
      pending.clear();
      var r = cluster.call("index " + ops.size() + " documents into " + target, client -> client.bulk(b -> b.operations(ops)));
      if (r.errors()) {
        for (BulkResponseItem item : r.items()) {
          if (item.error() != null && item.status() != 409) {
            throw new StorageException("OpenSearch refused to index document " + item.id() + " into " + target + ": "
                + java.util.Objects.requireNonNull(item.error()).reason());
          }
        }
      }
    }
  }

  /** Documents per bulk request of a rebuild. */
  public static final int BULK = 500;

  /**
   * @param target an index
   * @return a bulk writer into it
   */
  public Bulk bulk(String target) {
    return new Bulk(target);
  }

  /** @return the concrete indexes the alias points at now (one, unless changed by hand) */
  public List<String> current() {
    var r = cluster.call("read alias " + alias, client -> client.indices().getAlias(g -> g.name(alias)));
    return new ArrayList<>(r.result().keySet());
  }

  /**
   * Rebuilds: creates a new concrete index, lets {@code fill} write into it (while every write of
   * this node also goes to it), makes it searchable, points the alias at it and deletes the old
   * indexes. Searches answer from the old index until the alias moves.
   *
   * @param fill fills the named new index; returns what the rebuild reports
   * @param <T> the report
   * @return what {@code fill} returned
   */
  public synchronized <T> T rebuild(Function<String, T> fill) {
    ensure();
    List<String> old = current();
    String next = alias + "-" + schema + "-" + System.currentTimeMillis();
    while (old.contains(next)) {
      next = next + "x";
    }
    create(next, false);
    String target = next;
    building = target;
    T result;
    try {
      result = fill.apply(target);
      cluster.refresh(target);
      cluster.call("move alias " + alias + " to " + target, client -> client.indices().updateAliases(u -> {
        for (String o : old) {
          u.actions(a -> a.remove(x -> x.index(o).alias(alias)));
        }
        return u.actions(a -> a.add(x -> x.index(target).alias(alias)));
      }));
    } catch (RuntimeException e) {
      building = null;
      try {
        cluster.call("delete index " + target, client -> client.indices().delete(d -> d.index(target)));
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    building = null;
    if (!old.isEmpty()) {
      cluster.call("delete index " + old, client -> client.indices().delete(d -> d.index(old)));
    }
    return Objects.requireNonNull(result, "rebuild result");
  }
}
