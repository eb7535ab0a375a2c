package dev.frontline.helpdesk.lucene.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.Lock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an index that cannot be used (a missing or truncated segment file, a checksum mismatch)
 * and sets it aside, so that it is rebuilt from the store, the source of truth. Stateless.
 */
final class DamagedIndex {
  static final Logger LOG = LoggerFactory.getLogger("dev.frontline.helpdesk.lucene");

  private DamagedIndex() {}

  /**
   * Opens every segment of the latest commit and verifies the checksums of its files (linear in
   * the index size, once at start).
   *
   * @param directory an index with a readable commit
   * @return why it cannot be used, or null if it is sound
   */
  static @Nullable String check(Directory directory) {
    try (DirectoryReader r = DirectoryReader.open(directory)) {
      for (LeafReaderContext c : r.leaves()) {
        c.reader().checkIntegrity();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * Moves the index files out of the way under the write lock: into a sibling folder {@code
   * <name>.damaged-<millis>} for an index on disk (kept for inspection), else deletes them. Logs
   * one WARN line saying why.
   *
   * @param name the index in the message, e.g. {@code knowledge}
   * @param directory the index directory
   * @param reason why it is set aside
   * @throws IOException if the lock cannot be obtained (another writer) or files cannot be moved
   */
  static void setAside(String name, Directory directory, String reason) throws IOException {
    String where;
    try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      lock.ensureValid();
      Directory unwrapped = FilterDirectory.unwrap(directory);
      if (unwrapped instanceof FSDirectory fs) {
        Path dir = fs.getDirectory();
        Path aside = dir.resolveSibling(dir.getFileName() + ".damaged-" + System.currentTimeMillis());
        Files.createDirectories(aside);
        for (String f : directory.listAll()) {
          if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
            Files.move(dir.resolve(f), aside.resolve(f), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        where = "moved to " + aside;
      } else {
        for (String f : directory.listAll()) {
          if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
            directory.deleteFile(f);
          }
        }
        where = "deleted";
      }
    }
    LOG.warn("the {} index cannot be used ({}); its files were {} and it is rebuilt from the store", name, reason, where);
  }
}
