package dev.frontline.helpdesk.lucene.internal;

import dev.frontline.helpdesk.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

/**
 * The life cycle of an index that one search owns: opens it (recreating it empty when it is
 * missing, unreadable or of another schema version), keeps the one {@link IndexWriter} and a
 * near-real-time {@link SearcherManager} on it, refreshes and commits in the background, stores the
 * schema version and, optionally, a change-feed cursor in the commit user data (so documents and
 * cursor are durable together), and closes everything in order.
 *
 * <p>Opening takes two steps so that the owning search can refill the index through its own
 * methods before the background work starts: {@link #open}, then {@link #start}. Thread-safe.
 */
public final class LiveIndex {
  /**
   * What tells one index from another.
   *
   * @param name the index in messages: {@code "knowledge"} gives {@code "cannot commit the
   *     knowledge index"} and {@code "knowledge search failed"}
   * @param thread the name of the background thread
   * @param schemaKey commit user data key of the schema version
   * @param schemaVersion the schema version; an index with another one is recreated empty
   * @param cursorKey commit user data key of the change-feed cursor, or null for an index without
   *     a cursor
   */
  public record Kind(String name, String thread, String schemaKey, String schemaVersion, @Nullable String cursorKey) {
    /** Requires every name but the cursor key. */
    public Kind {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(thread, "thread");
      Objects.requireNonNull(schemaKey, "schemaKey");
      Objects.requireNonNull(schemaVersion, "schemaVersion");
    }
  }

  /**
   * Work on a searcher.
   *
   * @param <T> its result
   */
  @FunctionalInterface
  public interface SearchWork<T> {
    /**
     * @param searcher a current searcher, released afterwards
     * @return the result
     * @throws IOException if the index cannot be read
     */
    T run(IndexSearcher searcher) throws IOException;
  }

  private final Kind kind;
  private final Directory directory;
  private final boolean ownsDirectory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager manager;
  private final ScheduledExecutorService scheduler;
  private final Object commitLock = new Object();
  private final boolean rebuilt;
  private final Map<String, String> openedData;
  private volatile Map<String, String> extraData = Map.of();
  private volatile boolean extraDirty;
  private volatile long pendingSequence;
  private volatile @Nullable String pendingPoint;
  private volatile @Nullable String committedPoint;
  private volatile long committedSequence;
  private volatile boolean closed;

  /**
   * Decides whether an index belongs to the store it follows.
   */
  @FunctionalInterface
  public interface Belonging {
    /**
     * @param cursor the committed change-feed cursor (greater than 0)
     * @param point the feed point committed with it ({@link #markApplied(long, String)}), or null
     * @return whether the index was built from this store up to that point
     */
    boolean belongs(long cursor, @Nullable String point);
  }

  private LiveIndex(Kind kind, Directory directory, boolean ownsDirectory, Analyzer analyzer, @Nullable Belonging belonging)
      throws IOException {
    this.kind = kind;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.analyzer = analyzer;
    Map<String, String> data = readCommitData(directory);
    // unreadable or corrupt (no readable commit, a missing or damaged segment file): set it aside
    // and start over, the store is the source of truth
    String damage = data != null ? DamagedIndex.check(directory)
        : hasIndexFiles(directory) ? "no readable commit" : null;
    if (damage != null) {
      DamagedIndex.setAside(kind.name(), directory, damage);
      data = null;
    }
    boolean fresh = data == null || !kind.schemaVersion().equals(data.get(kind.schemaKey()));
    if (!fresh && data != null && belonging != null && kind.cursorKey() != null) {
      long cursor = parse(data.get(kind.cursorKey()));
      String point = data.get(kind.cursorKey() + ".point");
      if (cursor > 0 && !belonging.belongs(cursor, point)) {
        // the store was emptied or replaced while this folder was kept: its documents are ghosts
        DamagedIndex.LOG.warn("the {} index was built from another store (or an earlier state of it) up to change {}; "
            + "it is rebuilt from the store", kind.name(), cursor);
        fresh = true;
      }
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
        .setCommitOnClose(false)
        // bulk (re)indexing: fewer, larger flushed segments mean fewer merges (Lucene's default is 16 MB)
        .setRAMBufferSizeMB(64)
        .setMergePolicy(mergePolicy());
    this.writer = new IndexWriter(directory, config);
    long seq = 0;
    if (!fresh && kind.cursorKey() != null) {
      seq = parse(Objects.requireNonNull(data).get(kind.cursorKey())); // not fresh: data was read
      committedPoint = data.get(kind.cursorKey() + ".point");
      pendingPoint = committedPoint;
    }
    this.rebuilt = fresh;
    this.openedData = fresh || data == null ? Map.of() : Map.copyOf(data);
    this.pendingSequence = seq;
    this.committedSequence = seq;
    SearcherManager opened = null;
    try {
      if (fresh) {
        writer.setLiveCommitData(commitData(0).entrySet());
        writer.commit();
      }
      opened = new SearcherManager(writer, null);
    } catch (IOException | RuntimeException e) {
      // release the write lock, so that a retry can open the index
      IOUtils.closeWhileHandlingException(opened, writer);
      throw e;
    }
    this.manager = opened;
    // threads start with the first scheduled task, in start()
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, kind.thread());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the index, or recreates it empty (cursor 0) when it is missing, unreadable, damaged (a
   * segment file missing or failing its checksum: set aside with one WARN line) or of another
   * schema version. On failure the writer is released; the directory stays open.
   *
   * @param kind the index's names
   * @param directory the index directory
   * @param ownsDirectory whether {@link #close()} closes the directory
   * @param analyzer the index analyzer; {@link #close()} closes it
   * @return the index, searchable, without background work until {@link #start}
   * @throws IOException if the index cannot be opened, e.g. because another writer holds it
   */
  public static LiveIndex open(Kind kind, Directory directory, boolean ownsDirectory, Analyzer analyzer)
      throws IOException {
    return open(kind, directory, ownsDirectory, analyzer, null);
  }

  /**
   * Like {@link #open(Kind, Directory, boolean, Analyzer)}, and also recreates the index empty
   * (with one WARN line) when it does not belong to the store it follows.
   *
   * @param kind the index's names
   * @param directory the index directory
   * @param ownsDirectory whether {@link #close()} closes the directory
   * @param analyzer the index analyzer; {@link #close()} closes it
   * @param belonging checks a committed cursor and feed point against the store, or null
   * @return the index, searchable, without background work until {@link #start}
   * @throws IOException if the index cannot be opened, e.g. because another writer holds it
   */
  public static LiveIndex open(Kind kind, Directory directory, boolean ownsDirectory, Analyzer analyzer,
      @Nullable Belonging belonging) throws IOException {
    return new LiveIndex(
        Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(directory, "directory"), ownsDirectory,
        Objects.requireNonNull(analyzer, "analyzer"), belonging);
  }

  /**
   * Lucene's tiered merging with fewer, larger small segments than its default. A live index
   * flushes a small segment at every refresh (every 250 ms while articles are being saved), and
   * every query looks each of its terms up in every segment: with Lucene's default (segments under
   * 2 MB count as 2 MB, ten segments a tier) a 186,000-article index kept 24 segments, most of them
   * 2–6 MB. Segments under 16 MB count as 16 MB (Lucene 10's default) and a tier holds four.
   */
  static TieredMergePolicy mergePolicy() {
    return new TieredMergePolicy()
        .setFloorSegmentMB(16)
        .setSegmentsPerTier(4);
  }

  private static boolean hasIndexFiles(Directory dir) throws IOException {
    for (String f : dir.listAll()) {
      if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
        return true;
      }
    }
    return false;
  }

  private static long parse(@Nullable String s) {
    try {
      return s == null ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static @Nullable Map<String, String> readCommitData(Directory dir) {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      return SegmentInfos.readLatestCommit(dir).getUserData();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Map<String, String> commitData(long sequence) {
    return commitData(sequence, null);
  }

  private Map<String, String> commitData(long sequence, @Nullable String point) {
    String cursorKey = kind.cursorKey();
    Map<String, String> out = new java.util.HashMap<>(extraData);
    out.put(kind.schemaKey(), kind.schemaVersion());
    if (cursorKey != null) {
      out.put(cursorKey, Long.toString(sequence));
      if (point != null) {
        out.put(cursorKey + ".point", point);
      }
    }
    return out;
  }

  /**
   * @return the commit user data the index had when opened; empty if it was recreated
   */
  public Map<String, String> openedData() {
    return openedData;
  }

  /**
   * Sets entries of the owner's own (keys other than the schema and cursor keys) that every
   * following commit stores; they are committed with the next change or {@link #commit}.
   *
   * @param data the entries
   */
  public void extraData(Map<String, String> data) {
    synchronized (commitLock) {
      Map<String, String> copy = Map.copyOf(data);
      if (!copy.equals(extraData)) {
        extraData = copy;
        extraDirty = true;
      }
    }
  }

  /**
   * Runs {@code fill} (if any), then commits and refreshes, then starts refreshing and committing in
   * the background. If that fails, the writer is released (a retry can open the index) and the
   * exception passes on. Call once, right after {@link #open}.
   *
   * @param fill refills the index through the owning search, or null
   * @param refreshInterval how often changes become searchable
   * @param commitInterval how often changes are committed
   */
  public void start(@Nullable Runnable fill, Duration refreshInterval, Duration commitInterval) {
    if (fill != null) {
      try {
        fill.run();
        commit();
        refresh();
      } catch (RuntimeException e) {
        scheduler.shutdown();
        IOUtils.closeWhileHandlingException(manager, writer);
        throw e;
      }
    }
    long refreshMs = refreshInterval.toMillis();
    long commitMs = commitInterval.toMillis();
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::commitQuietly, commitMs, commitMs, TimeUnit.MILLISECONDS);
  }

  /** @return whether the index was created empty at open (missing, unreadable or old schema) */
  public boolean rebuilt() {
    return rebuilt;
  }

  /** @return the writer, for adding, updating and deleting documents */
  public IndexWriter writer() {
    return writer;
  }

  /** @return the change-feed cursor of the last commit */
  public long appliedSequence() {
    return committedSequence;
  }

  /**
   * Advances the cursor that the next commit stores (never moves it back).
   *
   * @param sequence the change-feed position applied so far
   * @throws IllegalStateException if the index has no cursor
   */
  public void markApplied(long sequence) {
    markApplied(sequence, null);
  }

  /**
   * Advances the cursor that the next commit stores (never moves it back), with a feed point that
   * identifies the store's change at that position (checked by a {@link Belonging} at open).
   *
   * @param sequence the change-feed position applied so far
   * @param point what identifies the change at that position, or null to keep the last one
   * @throws IllegalStateException if the index has no cursor
   */
  public void markApplied(long sequence, @Nullable String point) {
    if (kind.cursorKey() == null) {
      throw new IllegalStateException("the " + kind.name() + " index has no cursor");
    }
    synchronized (commitLock) {
      if (sequence >= pendingSequence && point != null) {
        pendingPoint = point;
      }
      pendingSequence = Math.max(pendingSequence, sequence);
    }
  }

  /**
   * Fails like every other operation on a closed index, before any work (query analysis uses the
   * index's analyzer, which closing releases).
   *
   * @throws StorageException if the index is closed
   */
  public void requireOpen() {
    if (closed) {
      throw new StorageException("the " + kind.name() + " index is closed");
    }
  }

  /** Makes every change so far searchable now (normally done within the refresh interval). */
  public void refresh() {
    requireOpen();
    try {
      manager.maybeRefreshBlocking();
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException("cannot refresh the " + kind.name() + " index", e);
    }
  }

  /** Makes every change so far durable now, with the cursor (normally done in batches). */
  public void commit() {
    synchronized (commitLock) {
      try {
        long seq = pendingSequence;
        String point = pendingPoint;
        if (!writer.hasUncommittedChanges() && seq == committedSequence && Objects.equals(point, committedPoint) && !extraDirty) {
          return;
        }
        writer.setLiveCommitData(commitData(seq, point).entrySet());
        writer.commit();
        committedSequence = seq;
        committedPoint = point;
        extraDirty = false;
      } catch (IOException | AlreadyClosedException e) {
        throw new StorageException("cannot commit the " + kind.name() + " index", e);
      }
    }
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // retried at the next tick; a closed index stops the scheduler
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (RuntimeException e) {
      // retried at the next tick
    }
  }

  /**
   * Runs work on a current searcher.
   *
   * @param <T> the result type
   * @param work the work
   * @return its result
   * @throws StorageException if the index is closed or cannot be read
   */
  public <T> T search(SearchWork<T> work) {
    requireOpen();
    try {
      IndexSearcher s = manager.acquire();
      try {
        return work.run(s);
      } finally {
        manager.release(s);
      }
    } catch (IOException | AlreadyClosedException e) {
      throw new StorageException(kind.name() + " search failed", e);
    }
  }

  /**
   * Stops the background work, commits pending changes with the cursor and closes the searchers,
   * the writer, the analyzer and, if owned, the directory. Idempotent.
   */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // not shutdownNow: interrupting a commit on an FSDirectory would close the writer
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      commit();
    } finally {
      try {
        manager.close();
        writer.close();
        analyzer.close();
        if (ownsDirectory) {
          directory.close();
        }
      } catch (IOException e) {
        throw new StorageException("cannot close the " + kind.name() + " index", e);
      }
    }
  }

  /**
   * Opens an index folder for a builder.
   *
   * @param path the index folder; created if missing
   * @return its directory
   * @throws NullPointerException if {@code path} is null
   * @throws StorageException if the folder cannot be opened
   */
  public static Directory folder(Path path) {
    try {
      return FSDirectory.open(Objects.requireNonNull(path, "path"));
    } catch (IOException e) {
      throw new StorageException("cannot open index folder " + path, e);
    }
  }

  /**
   * Validates a builder's refresh interval.
   *
   * @param value how often changes become searchable
   * @return the value
   * @throws IllegalArgumentException unless 10 ms to 1 s
   */
  public static Duration refreshInterval(Duration value) {
    if (value.compareTo(Duration.ofMillis(10)) < 0 || value.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException("refresh interval must be 10 ms to 1 s");
    }
    return value;
  }

  /**
   * Validates a builder's commit interval.
   *
   * @param value how often changes are committed
   * @return the value
   * @throws IllegalArgumentException unless 100 ms to 10 minutes
   */
  public static Duration commitInterval(Duration value) {
    if (value.compareTo(Duration.ofMillis(100)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("commit interval must be 100 ms to 10 minutes");
    }
    return value;
  }

  /**
   * What a builder throws when opening failed: closes the directory if the builder opened it, and
   * passes a {@link StorageException} on as it is.
   *
   * @param kind the index's names
   * @param failure why opening failed
   * @param directory the index directory
   * @param ownsDirectory whether the builder opened the directory
   * @return the exception to throw
   */
  public static StorageException openFailed(Kind kind, Exception failure, Directory directory, boolean ownsDirectory) {
    if (ownsDirectory) {
      IOUtils.closeWhileHandlingException(directory);
    }
    if (failure instanceof StorageException se) {
      return se;
    }
    return new StorageException("cannot open the " + kind.name() + " index", failure);
  }
}
