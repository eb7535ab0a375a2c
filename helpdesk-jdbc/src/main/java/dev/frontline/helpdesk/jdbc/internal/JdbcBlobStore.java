package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineBlobs;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import java.util.Objects;
import java.util.Optional;

/** {@link BlobStore} on jOOQ: contents in a binary column under random keys. Thread-safe. */
public final class JdbcBlobStore implements BlobStore {
  private static final FrontlineBlobs BLOBS = Tables.FRONTLINE_BLOBS;

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
                .insertInto(BLOBS, BLOBS.BLOB_KEY, BLOBS.SIZE, BLOBS.CONTENT)
                .values(key, (long) copy.length, copy)
                .execute());
    return key;
  }

  @Override
  public Optional<byte[]> get(String key) {
    Objects.requireNonNull(key, "key");
    return db.call(
        () -> db.dsl().select(BLOBS.CONTENT).from(BLOBS).where(BLOBS.BLOB_KEY.eq(key)).fetchOptional(BLOBS.CONTENT));
  }

  @Override
  public boolean delete(String key) {
    Objects.requireNonNull(key, "key");
    return db.call(() -> db.dsl().deleteFrom(BLOBS).where(BLOBS.BLOB_KEY.eq(key)).execute() > 0);
  }
}
