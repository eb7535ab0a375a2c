package dev.frontline.helpdesk.jdbc.internal;

import dev.frontline.helpdesk.jackson.format.OperationsFormat;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.asset.Asset;
import dev.frontline.helpdesk.asset.AssetId;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.directory.OrganizationId;
import dev.frontline.helpdesk.jdbc.internal.schema.Tables;
import dev.frontline.helpdesk.jdbc.internal.schema.tables.FrontlineAssets;
import dev.frontline.helpdesk.spi.AssetDirectory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;

/**
 * {@link AssetDirectory} on jOOQ: one row per asset (owner columns plus the JSON payload). {@code
 * save} creates or replaces (update, else insert; a concurrent first insert of the same id is
 * retried as an update, so the last writer wins as in memory). Lists are ordered by id. Thread-safe.
 */
public final class JdbcAssetDirectory implements AssetDirectory {
  private static final FrontlineAssets T = Tables.FRONTLINE_ASSETS;

  private final Db db;

  /** @param db the database */
  public JdbcAssetDirectory(Db db) {
    this.db = db;
  }

  @Override
  public void save(Asset asset) {
    Objects.requireNonNull(asset, "asset");
    String id = asset.id().value();
    String customer = asset.customer() == null ? null : asset.customer().value();
    String org = asset.organization() == null ? null : asset.organization().value();
    String json = OperationsFormat.writeAsset(asset);
    for (int attempt = 1; attempt <= 5; attempt++) {
      // update an existing row in its own transaction and insert a new one in a statement of its
      // own: an update-then-insert transaction takes gap locks on MariaDB, and two first saves of
      // one id would deadlock
      int n =
          db.tx(
              tx ->
                  tx.update(T)
                      .set(T.CUSTOMER, customer)
                      .set(T.ORGANIZATION, org)
                      .set(T.PAYLOAD, json)
                      .where(T.ID.eq(id))
                      .execute());
      if (n > 0) {
        return;
      }
      boolean inserted =
          db.insertIgnore(
              dsl ->
                  dsl.insertInto(T, T.ID, T.CUSTOMER, T.ORGANIZATION, T.PAYLOAD)
                      .values(id, customer, org, json)
                      .onDuplicateKeyIgnore()
                      .execute());
      if (inserted) {
        return;
      }
      // another save created the row first: overwrite it, as the later save
    }
    throw new StorageException("asset " + id + ": the row kept disappearing");
  }

  @Override
  public Optional<Asset> find(AssetId id) {
    Objects.requireNonNull(id, "id");
    return db.call(
        () -> db.dsl().select(T.PAYLOAD).from(T).where(T.ID.eq(id.value())).fetchOptional(T.PAYLOAD).map(OperationsFormat::readAsset));
  }

  @Override
  public List<Asset> byCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return select(T.CUSTOMER.eq(customer.value()));
  }

  @Override
  public List<Asset> byOrganization(OrganizationId organization) {
    Objects.requireNonNull(organization, "organization");
    return select(T.ORGANIZATION.eq(organization.value()));
  }

  private List<Asset> select(Condition where) {
    return db.call(
        () ->
            db.dsl().select(T.PAYLOAD).from(T).where(where).orderBy(T.ID.asc()).fetch(T.PAYLOAD).stream().map(OperationsFormat::readAsset).toList());
  }
}
