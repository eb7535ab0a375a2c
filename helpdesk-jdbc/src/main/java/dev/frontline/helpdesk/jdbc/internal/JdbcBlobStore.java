package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jdbc.internal.Tables.Blobs;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import java.util.Objects;
import java.util.Optional;

/** {@link BlobStore} on jOOQ: contents in a binary column under random keys. Thread-safe. */
public final class JdbcBlobStore implements BlobStore {
  private final Db db;
  private final IdGenerator ids = IdGenerator.secureRandom();

  /** @param db the database */
  public JdbcBlobStore(Db db) {
    this.db = db;
  }

  @Override
  public String put(byte[] content) {
    Objects.requireNonNull(content, "content");
    String key = ids.next();
    byte[] copy = content.clone();
    db.call(
        () ->
            db.dsl()
                .insertInto(Blobs.T, Blobs.KEY, Blobs.SIZE, Blobs.CONTENT)
                .values(key, (long) copy.length, copy)
                .execute());
    return key;
  }

  @Override
  public Optional<byte[]> get(String key) {
    Objects.requireNonNull(key, "key");
    return db.call(
        () -> db.dsl().select(Blobs.CONTENT).from(Blobs.T).where(Blobs.KEY.eq(key)).fetchOptional(Blobs.CONTENT));
  }

  @Override
  public boolean delete(String key) {
    Objects.requireNonNull(key, "key");
    return db.call(() -> db.dsl().deleteFrom(Blobs.T).where(Blobs.KEY.eq(key)).execute() > 0);
  }
}
