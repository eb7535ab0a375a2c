package dev.frontline.helpdesk.jdbc;

/**
 * The databases {@link JdbcStores} supports. Each has its own schema scripts under {@code
 * db/frontline/<folder>/} in this jar.
 */
public enum JdbcDialect {
  /** PostgreSQL 12 or later. */
  POSTGRES("postgresql"),
  /** MariaDB 10.6 or later. */
  MARIADB("mariadb"),
  /** MySQL 8.0 or later (same schema shape as MariaDB; not covered by the project's CI). */
  MYSQL("mysql"),
  /** H2 2.x, in regular mode (tests, demos, small embeds). */
  H2("h2");

  private final String folder;

  JdbcDialect(String folder) {
    this.folder = folder;
  }

  /**
   * The classpath folder of this dialect's migrations, for a host that runs them with its own
   * Flyway: {@code locations=classpath:db/frontline/<folder>}.
   *
   * @return the folder name, e.g. {@code postgresql}
   */
  public String migrationFolder() {
    return folder;
  }

  /** @return the classpath location of the migrations, e.g. {@code db/frontline/postgresql} */
  public String migrationLocation() {
    return "db/frontline/" + folder;
  }
}
