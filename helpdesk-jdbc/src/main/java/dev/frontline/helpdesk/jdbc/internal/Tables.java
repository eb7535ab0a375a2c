package dev.frontline.helpdesk.jdbc.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unquotedName;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Hand-written table and column definitions mirroring {@code db/frontline/<dialect>/V1__*.sql}.
 * Names are unquoted so each database applies its own case rules (H2 upper-cases, PostgreSQL
 * lower-cases), exactly as for the unquoted names in the DDL scripts.
 */
public final class Tables {
  private Tables() {}

  private static Table<Record> t(String name) {
    return table(unquotedName(name));
  }

  private static <T> Field<T> f(String name, org.jooq.DataType<T> type) {
    return field(unquotedName(name), type);
  }

  /** {@code frontline_tickets}. */
  public static final class Tickets {
    private Tickets() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_tickets");
    /** Ticket id. */
    public static final Field<String> ID = f("id", SQLDataType.VARCHAR(64));
    /** Key prefix. */
    public static final Field<String> KEY_PREFIX = f("key_prefix", SQLDataType.VARCHAR(10));
    /** Key number. */
    public static final Field<Long> KEY_NUMBER = f("key_number", SQLDataType.BIGINT);
    /** Version. */
    public static final Field<Long> VERSION = f("version", SQLDataType.BIGINT);
    /** State name. */
    public static final Field<String> STATE = f("state", SQLDataType.VARCHAR(16));
    /** Priority name. */
    public static final Field<String> PRIORITY = f("priority", SQLDataType.VARCHAR(16));
    /** Type name. */
    public static final Field<String> TYPE = f("ticket_type", SQLDataType.VARCHAR(16));
    /** Channel name. */
    public static final Field<String> CHANNEL = f("channel", SQLDataType.VARCHAR(16));
    /** Requester id. */
    public static final Field<String> REQUESTER = f("requester", SQLDataType.VARCHAR(64));
    /** Organization id. */
    public static final Field<String> ORGANIZATION = f("organization", SQLDataType.VARCHAR(64));
    /** Team id. */
    public static final Field<String> TEAM = f("team", SQLDataType.VARCHAR(64));
    /** Tier. */
    public static final Field<Integer> TIER = f("tier", SQLDataType.INTEGER);
    /** Assignee id. */
    public static final Field<String> ASSIGNEE = f("assignee", SQLDataType.VARCHAR(64));
    /** Creation time in epoch nanoseconds (saturated). */
    public static final Field<Long> CREATED_AT_NS = f("created_at_ns", SQLDataType.BIGINT);
    /** Update time in epoch milliseconds. */
    public static final Field<Long> UPDATED_AT_MS = f("updated_at_ms", SQLDataType.BIGINT);
    /** Next deadline in epoch milliseconds, null if none. */
    public static final Field<Long> NEXT_DEADLINE_MS = f("next_deadline_ms", SQLDataType.BIGINT);
    /** Sort key for CREATED_ASC. */
    public static final Field<Long> SK_CREATED_ASC = f("sk_created_asc", SQLDataType.BIGINT);
    /** Sort key for CREATED_DESC. */
    public static final Field<Long> SK_CREATED_DESC = f("sk_created_desc", SQLDataType.BIGINT);
    /** Sort key for UPDATED_ASC. */
    public static final Field<Long> SK_UPDATED_ASC = f("sk_updated_asc", SQLDataType.BIGINT);
    /** Sort key for UPDATED_DESC. */
    public static final Field<Long> SK_UPDATED_DESC = f("sk_updated_desc", SQLDataType.BIGINT);
    /** Sort key for PRIORITY_DESC. */
    public static final Field<Long> SK_PRIORITY_DESC = f("sk_priority_desc", SQLDataType.BIGINT);
    /** Sort key for DEADLINE_ASC. */
    public static final Field<Long> SK_DEADLINE_ASC = f("sk_deadline_asc", SQLDataType.BIGINT);
    /** The snapshot as JSON. */
    public static final Field<String> SNAPSHOT = f("snapshot", SQLDataType.CLOB);
  }

  /** {@code frontline_ticket_tags}. */
  public static final class TicketTags {
    private TicketTags() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_ticket_tags");
    /** Ticket id. */
    public static final Field<String> TICKET_ID = f("ticket_id", SQLDataType.VARCHAR(64));
    /** Tag. */
    public static final Field<String> TAG = f("tag", SQLDataType.VARCHAR(255));
  }

  /** {@code frontline_ticket_events}. */
  public static final class TicketEvents {
    private TicketEvents() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_ticket_events");
    /** Ticket id. */
    public static final Field<String> TICKET_ID = f("ticket_id", SQLDataType.VARCHAR(64));
    /** Version the event produced. */
    public static final Field<Long> VERSION = f("version", SQLDataType.BIGINT);
    /** Event time in epoch milliseconds. */
    public static final Field<Long> AT_MS = f("at_ms", SQLDataType.BIGINT);
    /** Change kind. */
    public static final Field<String> KIND = f("kind", SQLDataType.VARCHAR(64));
    /** The event as JSON. */
    public static final Field<String> EVENT = f("event", SQLDataType.CLOB);
  }

  /** {@code frontline_key_sequences}. */
  public static final class KeySequences {
    private KeySequences() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_key_sequences");
    /** Prefix. */
    public static final Field<String> PREFIX = f("prefix", SQLDataType.VARCHAR(10));
    /** Last number handed out. */
    public static final Field<Long> LAST_NUMBER = f("last_number", SQLDataType.BIGINT);
  }

  /** Directory tables: one row per object with key columns and a JSON payload. */
  public static final class Directory {
    private Directory() {}

    /** {@code frontline_agents}. */
    public static final Table<Record> AGENTS = t("frontline_agents");
    /** {@code frontline_teams}. */
    public static final Table<Record> TEAMS = t("frontline_teams");
    /** {@code frontline_tiers}. */
    public static final Table<Record> TIERS = t("frontline_tiers");
    /** {@code frontline_roles}. */
    public static final Table<Record> ROLES = t("frontline_roles");
    /** {@code frontline_customers}. */
    public static final Table<Record> CUSTOMERS = t("frontline_customers");
    /** {@code frontline_organizations}. */
    public static final Table<Record> ORGANIZATIONS = t("frontline_organizations");

    /** Id column (agents, teams, customers, organizations). */
    public static final Field<String> ID = f("id", SQLDataType.VARCHAR(64));
    /** Agent e-mail. */
    public static final Field<String> EMAIL = f("email", SQLDataType.VARCHAR(254));
    /** Agent active flag. */
    public static final Field<Boolean> ACTIVE = f("active", SQLDataType.BOOLEAN);
    /** Team tier. */
    public static final Field<Integer> TIER = f("tier", SQLDataType.INTEGER);
    /** Tier level. */
    public static final Field<Integer> TIER_LEVEL = f("tier_level", SQLDataType.INTEGER);
    /** Role name. */
    public static final Field<String> NAME = f("name", SQLDataType.VARCHAR(64));
    /** Customer e-mail, lower-cased with {@code Locale.ROOT}; unique. */
    public static final Field<String> EMAIL_LOWER = f("email_lower", SQLDataType.VARCHAR(254));
    /** Customer organization. */
    public static final Field<String> ORGANIZATION = f("organization", SQLDataType.VARCHAR(64));
    /** JSON payload. */
    public static final Field<String> PAYLOAD = f("payload", SQLDataType.CLOB);
  }

  /** {@code frontline_blobs}. */
  public static final class Blobs {
    private Blobs() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_blobs");
    /** Key. */
    public static final Field<String> KEY = f("blob_key", SQLDataType.VARCHAR(64));
    /** Size in bytes. */
    public static final Field<Long> SIZE = f("size", SQLDataType.BIGINT);
    /** Content. */
    public static final Field<byte[]> CONTENT = f("content", SQLDataType.BLOB);
  }

  /** {@code frontline_escalation_claims}. */
  public static final class Claims {
    private Claims() {}

    /** The table. */
    public static final Table<Record> T = t("frontline_escalation_claims");
    /** Ticket id. */
    public static final Field<String> TICKET_ID = f("ticket_id", SQLDataType.VARCHAR(64));
    /** Rule name. */
    public static final Field<String> RULE = f("rule_name", SQLDataType.VARCHAR(200));
    /** Step key. */
    public static final Field<String> STEP = f("step_key", SQLDataType.VARCHAR(200));
    /** CLAIMED or DONE. */
    public static final Field<String> STATUS = f("status", SQLDataType.VARCHAR(16));
    /** Claiming node. */
    public static final Field<String> OWNER = f("owner", SQLDataType.VARCHAR(200));
    /** Lease end in epoch milliseconds (database clock). */
    public static final Field<Long> LEASE_UNTIL_MS = f("lease_until_ms", SQLDataType.BIGINT);
    /** Claim time in epoch milliseconds. */
    public static final Field<Long> CLAIMED_MS = f("claimed_ms", SQLDataType.BIGINT);
  }
}
