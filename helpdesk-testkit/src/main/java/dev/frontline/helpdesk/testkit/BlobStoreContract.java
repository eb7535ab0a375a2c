package dev.frontline.helpdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.spi.BlobStore;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract every {@link BlobStore} must pass. */
public abstract class BlobStoreContract {
  /** The store under test. */
  protected BlobStore store;

  /** Subclasses need no-arg constructors. */
  protected BlobStoreContract() {}

  /** @return a new, empty store */
  protected abstract BlobStore newStore();

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  @Test
  @DisplayName("contents read back byte for byte, including empty and binary contents")
  void roundTrip() {
    byte[] binary = new byte[70_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    String a = store.put(binary);
    String b = store.put(new byte[0]);
    assertThat(store.get(a)).hasValueSatisfying(v -> assertThat(v).isEqualTo(binary));
    assertThat(store.get(b)).hasValueSatisfying(v -> assertThat(v).isEmpty());
  }

  @Test
  @DisplayName("keys are random and at least 22 characters, never reused")
  void keys() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String k = store.put(new byte[] {1});
      assertThat(k.length()).isGreaterThanOrEqualTo(22);
      assertThat(keys.add(k)).isTrue();
    }
  }

  @Test
  @DisplayName("deleted and unknown keys are empty")
  void delete() {
    String k = store.put(new byte[] {1, 2, 3});
    assertThat(store.delete(k)).isTrue();
    assertThat(store.delete(k)).isFalse();
    assertThat(store.get(k)).isEmpty();
    assertThat(store.get("unknown-key-000000000000")).isEmpty();
  }
}
