package dev.frontline.helpdesk.spring.internal;

import dev.frontline.helpdesk.ConfigurationException;
import dev.frontline.helpdesk.StorageException;
import dev.frontline.helpdesk.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Finds the {@link JdbcDialect} of a data source from its database's product name. */
public final class Dialects {
  private Dialects() {}

  /**
   * @param dataSource the database (one connection is borrowed and returned)
   * @return its dialect
   * @throws ConfigurationException if the database is none Frontline supports
   * @throws StorageException if no connection can be had
   */
  public static JdbcDialect detect(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new StorageException("cannot connect to the database to detect its dialect (or set frontline.jdbc.dialect)", e);
    }
    JdbcDialect d = fromProductName(product);
    if (d == null) {
      throw new ConfigurationException("Frontline supports PostgreSQL, MariaDB, MySQL and H2; the DataSource is '" + product
          + "'. Set frontline.jdbc.dialect if it is compatible with one of them.");
    }
    return d;
  }

  /**
   * @param product a JDBC driver's database product name
   * @return the dialect, or null if none matches
   */
  public static @org.jspecify.annotations.Nullable JdbcDialect fromProductName(@org.jspecify.annotations.Nullable String product) {
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return JdbcDialect.POSTGRES;
    }
    if (p.contains("mariadb")) {
      return JdbcDialect.MARIADB;
    }
    if (p.contains("mysql")) {
      return JdbcDialect.MYSQL;
    }
    if (p.equals("h2")) {
      return JdbcDialect.H2;
    }
    return null;
  }
}
