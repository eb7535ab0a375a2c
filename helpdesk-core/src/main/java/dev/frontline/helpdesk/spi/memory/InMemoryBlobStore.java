package dev.frontline.helpdesk.spi.memory;

import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.IdGenerator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The reference {@link BlobStore}: contents in a concurrent map under random keys. */
public final class InMemoryBlobStore implements BlobStore {
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final IdGenerator ids = IdGenerator.secureRandom();

  /** Creates an empty store. */
  public InMemoryBlobStore() {}

  @Override
  public String put(byte[] content) {
    Objects.requireNonNull(content, "content");
    String key = ids.next();
    blobs.put(key, content.clone());
    return key;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] b = blobs.get(key);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  @Override
  public boolean delete(String key) {
    return blobs.remove(key) != null;
  }
}
