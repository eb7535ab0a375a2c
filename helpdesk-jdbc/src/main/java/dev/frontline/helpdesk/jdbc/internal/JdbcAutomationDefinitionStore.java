package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.automation.AutomationDefinition;
import dev.frontline.helpdesk.automation.AutomationDefinition.Kind;
import dev.frontline.helpdesk.automation.StoredDefinition;
import dev.frontline.helpdesk.internal.Checks;
import dev.frontline.helpdesk.jackson.DefinitionFormatException;
import dev.frontline.helpdesk.jackson.format.OperationsFormat;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineAutomationChanges;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineAutomationDefinitions;
import dev.frontline.helpdesk.spi.AutomationDefinitionStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jspecify.annotations.Nullable;

/**
 * {@link AutomationDefinitionStore} on jOOQ (schema V8): one row per definition with its JSON
 * ({@link OperationsFormat}), and a one-row change counter. Every save and delete runs in one
 * transaction that first locks the counter row ({@code SELECT ... FOR UPDATE}), then reads and
 * checks the definition's row, writes it and moves the counter: writes run one at a time across all
 * nodes, a stale expected revision rolls everything back, and readers never see a half-written
 * definition. Reads are single statements. Thread-safe.
 */
public final class JdbcAutomationDefinitionStore implements AutomationDefinitionStore {
  private static final FrontlineAutomationDefinitions T = Tables.FRONTLINE_AUTOMATION_DEFINITIONS;
  private static final FrontlineAutomationChanges C = Tables.FRONTLINE_AUTOMATION_CHANGES;
  private static final int COUNTER = 1;

  private final Db db;

  /** @param db the database */
  public JdbcAutomationDefinitionStore(Db db) {
    this.db = db;
  }

  @Override
  public <D extends AutomationDefinition> StoredDefinition<D> save(D definition, long expectedRevision) {
    Checks.notNull(definition, "definition");
    checkExpected(expectedRevision);
    String body = OperationsFormat.writeDefinition(definition); // validates: only storable definitions
    String kind = definition.kind().name();
    String name = definition.name();
    long revision = locked(tx -> {
      long changes = lockCounter(tx);
      Long actual = lockRevision(tx, kind, name);
      if (expectedRevision != ANY_REVISION && (actual == null ? NEW : actual) != expectedRevision) {
        throw stale(definition.kind(), name, expectedRevision, actual == null ? NEW : actual);
      }
      long next = changes + 1;
      tx.update(C).set(C.CHANGES, next).where(C.ID.eq(COUNTER)).execute();
      if (actual == null) {
        tx.insertInto(T, T.KIND, T.NAME, T.REVISION, T.ORDINAL, T.BODY).values(kind, name, next, next, body).execute();
      } else {
        tx.update(T).set(T.REVISION, next).set(T.BODY, body).where(T.KIND.eq(kind), T.NAME.eq(name)).execute();
      }
      return next;
    });
    return new StoredDefinition<>(definition, revision);
  }

  @Override
  public boolean delete(Kind kind, String name, long expectedRevision) {
    Checks.notNull(kind, "kind");
    Checks.notNull(name, "name");
    checkExpected(expectedRevision);
    return locked(tx -> {
      long changes = lockCounter(tx);
      Long actual = lockRevision(tx, kind.name(), name);
      if (actual == null) {
        return false;
      }
      if (expectedRevision != ANY_REVISION && actual != expectedRevision) {
        throw stale(kind, name, expectedRevision, actual);
      }
      tx.update(C).set(C.CHANGES, changes + 1).where(C.ID.eq(COUNTER)).execute();
      tx.deleteFrom(T).where(T.KIND.eq(kind.name()), T.NAME.eq(name)).execute();
      return true;
    });
  }

  @Override
  public Optional<StoredDefinition<?>> find(Kind kind, String name) {
    Checks.notNull(kind, "kind");
    Checks.notNull(name, "name");
    if (name.length() > 64) {
      return Optional.empty(); // longer than any stored name (and than the column)
    }
    return db.call(() -> db.dsl().select(T.BODY, T.REVISION).from(T).where(T.KIND.eq(kind.name()), T.NAME.eq(name))
        .fetchOptional().map(r -> decode(kind, name, r)));
  }

  @Override
  public List<StoredDefinition<?>> list(Kind kind) {
    Checks.notNull(kind, "kind");
    return db.call(() -> db.dsl().select(T.BODY, T.REVISION, T.NAME).from(T).where(T.KIND.eq(kind.name())).orderBy(T.ORDINAL.asc())
        .fetch().map(r -> decode(kind, r.value3(), r.into(T.BODY, T.REVISION))));
  }

  @Override
  public long changeCount() {
    Long n = db.call(() -> db.dsl().select(C.CHANGES).from(C).where(C.ID.eq(COUNTER)).fetchOne(C.CHANGES));
    return n == null ? 0 : n;
  }

  /**
   * Runs a write under the counter lock, creating the counter row first if it is missing (a new
   * schema): in a statement of its own, where losing the race to another node means it is there.
   */
  private <T> T locked(Function<DSLContext, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return db.tx(work);
      } catch (MissingCounter e) {
        if (attempt >= 3) {
          throw new StorageException("the automation change counter row cannot be created");
        }
        db.insertIgnore(dsl -> dsl.insertInto(C, C.ID, C.CHANGES).values(COUNTER, 0L).onDuplicateKeyIgnore().execute());
      }
    }
  }

  private static long lockCounter(DSLContext tx) {
    Long changes = tx.select(C.CHANGES).from(C).where(C.ID.eq(COUNTER)).forUpdate().fetchOne(C.CHANGES);
    if (changes == null) {
      throw new MissingCounter();
    }
    return changes;
  }

  private static @Nullable Long lockRevision(DSLContext tx, String kind, String name) {
    return tx.select(T.REVISION).from(T).where(T.KIND.eq(kind), T.NAME.eq(name)).forUpdate().fetchOne(T.REVISION);
  }

  private static StoredDefinition<?> decode(Kind kind, String name, Record2<String, Long> r) {
    AutomationDefinition d;
    try {
      d = OperationsFormat.readDefinition(r.value1());
    } catch (DefinitionFormatException e) {
      throw new StorageException("cannot read the stored " + kind.label() + " " + name + ": " + e.getMessage(), e);
    }
    if (d.kind() != kind || !d.name().equals(name)) {
      throw new StorageException("the stored " + kind.label() + " " + name + " holds " + d.kind().label() + " " + d.name());
    }
    return new StoredDefinition<>(d, r.value2());
  }

  private static void checkExpected(long expectedRevision) {
    Checks.require(expectedRevision >= ANY_REVISION, "expected revision must be a revision, NEW (0) or ANY_REVISION (-1)");
  }

  private static ConcurrentModificationException stale(Kind kind, String name, long expected, long actual) {
    return new ConcurrentModificationException(kind.label() + " " + name + " is at revision "
        + (actual == NEW ? "none (not stored)" : actual) + ", not " + (expected == NEW ? "none (new)" : expected) + "; reload and retry");
  }

  /** The counter row does not exist yet; the transaction is rolled back and the row created. */
  private static final class MissingCounter extends dev.frontline.helpdesk.HelpdeskException {
    private static final long serialVersionUID = 1L;

    MissingCounter() {
      super("no change counter row");
    }
  }
}
