-- Frontline schema, version 1, MySQL (8.0 or later).
-- Every table uses the binary utf8mb4_bin collation so that ids and tags compare and order
-- exactly like Java's String.compareTo (keyset pagination ties are broken by id).
-- Times are stored as epoch numbers: *_ms in milliseconds (the precision of TicketSort keys and
-- SLA deadlines), created_at_ns in nanoseconds (the precision of the created-from/before filter).
-- The sk_* columns hold TicketSort.key(ticket) for each sort order, so every order is
-- "sk ASC, id ASC" and served by an index.

CREATE TABLE frontline_tickets (
  id                VARCHAR(64) NOT NULL PRIMARY KEY,
  key_prefix        VARCHAR(10) NOT NULL,
  key_number        BIGINT NOT NULL,
  version           BIGINT NOT NULL,
  state             VARCHAR(16) NOT NULL,
  priority          VARCHAR(16) NOT NULL,
  ticket_type       VARCHAR(16) NOT NULL,
  channel           VARCHAR(16) NOT NULL,
  requester         VARCHAR(64) NOT NULL,
  organization      VARCHAR(64),
  team              VARCHAR(64),
  tier              INTEGER NOT NULL,
  assignee          VARCHAR(64),
  created_at_ns     BIGINT NOT NULL,
  updated_at_ms     BIGINT NOT NULL,
  next_deadline_ms  BIGINT,
  sla_mask          INTEGER NOT NULL DEFAULT 0,
  sk_created_asc    BIGINT NOT NULL,
  sk_created_desc   BIGINT NOT NULL,
  sk_updated_asc    BIGINT NOT NULL,
  sk_updated_desc   BIGINT NOT NULL,
  sk_priority_desc  BIGINT NOT NULL,
  sk_deadline_asc   BIGINT NOT NULL,
  snapshot          LONGTEXT NOT NULL,
  CONSTRAINT frontline_tickets_key_uk UNIQUE (key_prefix, key_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX frontline_tickets_due_ix ON frontline_tickets (next_deadline_ms, id);
CREATE INDEX frontline_tickets_state_ix ON frontline_tickets (state, sk_created_desc, id);
CREATE INDEX frontline_tickets_team_ix ON frontline_tickets (team, state, id);
CREATE INDEX frontline_tickets_tier_ix ON frontline_tickets (tier, state, id);
CREATE INDEX frontline_tickets_assignee_ix ON frontline_tickets (assignee, state, id);
CREATE INDEX frontline_tickets_requester_ix ON frontline_tickets (requester, id);
CREATE INDEX frontline_tickets_org_ix ON frontline_tickets (organization, id);
CREATE INDEX frontline_tickets_sk_ca_ix ON frontline_tickets (sk_created_asc, id);
CREATE INDEX frontline_tickets_sk_cd_ix ON frontline_tickets (sk_created_desc, id);
CREATE INDEX frontline_tickets_sk_ua_ix ON frontline_tickets (sk_updated_asc, id);
CREATE INDEX frontline_tickets_sk_ud_ix ON frontline_tickets (sk_updated_desc, id);
CREATE INDEX frontline_tickets_sk_pd_ix ON frontline_tickets (sk_priority_desc, id);
CREATE INDEX frontline_tickets_sk_da_ix ON frontline_tickets (sk_deadline_asc, id);

CREATE TABLE frontline_ticket_tags (
  ticket_id VARCHAR(64) NOT NULL,
  tag       VARCHAR(255) NOT NULL,
  PRIMARY KEY (ticket_id, tag),
  CONSTRAINT frontline_ticket_tags_fk FOREIGN KEY (ticket_id) REFERENCES frontline_tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_ticket_tags_tag_ix ON frontline_ticket_tags (tag, ticket_id);

CREATE TABLE frontline_ticket_events (
  ticket_id VARCHAR(64) NOT NULL,
  version   BIGINT NOT NULL,
  at_ms     BIGINT NOT NULL,
  kind      VARCHAR(64) NOT NULL,
  event     LONGTEXT NOT NULL,
  PRIMARY KEY (ticket_id, version),
  CONSTRAINT frontline_ticket_events_fk FOREIGN KEY (ticket_id) REFERENCES frontline_tickets (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_key_sequences (
  prefix      VARCHAR(10) NOT NULL PRIMARY KEY,
  last_number BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_agents (
  id      VARCHAR(64) NOT NULL PRIMARY KEY,
  email   VARCHAR(254) NOT NULL,
  active  BOOLEAN NOT NULL,
  payload LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_teams (
  id      VARCHAR(64) NOT NULL PRIMARY KEY,
  tier    INTEGER NOT NULL,
  payload LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_tiers (
  tier_level INTEGER NOT NULL PRIMARY KEY,
  payload    LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_roles (
  name    VARCHAR(64) NOT NULL PRIMARY KEY,
  payload LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_customers (
  id           VARCHAR(64) NOT NULL PRIMARY KEY,
  email_lower  VARCHAR(254),
  organization VARCHAR(64),
  payload      LONGTEXT NOT NULL,
  CONSTRAINT frontline_customers_email_uk UNIQUE (email_lower)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_customers_org_ix ON frontline_customers (organization);

CREATE TABLE frontline_organizations (
  id      VARCHAR(64) NOT NULL PRIMARY KEY,
  payload LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_blobs (
  blob_key VARCHAR(64) NOT NULL PRIMARY KEY,
  size     BIGINT NOT NULL,
  content  LONGBLOB NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_escalation_claims (
  ticket_id    VARCHAR(64) NOT NULL,
  rule_name    VARCHAR(200) NOT NULL,
  step_key     VARCHAR(200) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  owner        VARCHAR(200),
  lease_until_ms BIGINT,
  claimed_ms   BIGINT NOT NULL,
  CONSTRAINT frontline_escalation_claims_pk PRIMARY KEY (ticket_id, rule_name, step_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Transactional outbox: one row per ticket event, written in the event's transaction when the
-- stores are built with outbox(true). Consumers take rows with FOR UPDATE SKIP LOCKED and delete
-- them, so a row whose id commits late is still delivered (no "id > last seen" cursor).
CREATE TABLE frontline_outbox (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id  VARCHAR(64) NOT NULL,
  version    BIGINT NOT NULL,
  kind       VARCHAR(64) NOT NULL,
  event      LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
