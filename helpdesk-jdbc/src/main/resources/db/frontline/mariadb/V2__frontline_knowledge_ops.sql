-- Frontline schema, version 2, MariaDB (10.6 or later): knowledge articles, metrics columns, interactions, assets.
-- Never edit an applied script; add a V3 instead.

-- Knowledge articles: the current revision, every revision, and the change feed.
CREATE TABLE frontline_articles (
  id        VARCHAR(64) NOT NULL PRIMARY KEY,
  revision  BIGINT NOT NULL,
  payload   LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE frontline_article_revisions (
  article_id VARCHAR(64) NOT NULL,
  revision   BIGINT NOT NULL,
  payload    LONGTEXT NOT NULL,
  PRIMARY KEY (article_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The change feed. seq comes from an identity column, so a lower seq can commit after a higher
-- one; readers re-read a trailing window (see JdbcArticleStore / ArticleChangeFollower).
CREATE TABLE frontline_article_changes (
  seq        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  article_id VARCHAR(64) NOT NULL,
  deleted    BOOLEAN NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Metrics columns, maintained on every ticket write (see JdbcTicketStore). metrics_v is NULL for
-- rows written before V2; the metrics store fills them in from the snapshot and history.
ALTER TABLE frontline_tickets ADD COLUMN metrics_v INTEGER;
ALTER TABLE frontline_tickets ADD COLUMN created_tier INTEGER;
ALTER TABLE frontline_tickets ADD COLUMN escalation_count INTEGER;
ALTER TABLE frontline_tickets ADD COLUMN reopen_count INTEGER;
ALTER TABLE frontline_tickets ADD COLUMN public_agent_replies INTEGER;
ALTER TABLE frontline_tickets ADD COLUMN first_response_at_ns BIGINT;
ALTER TABLE frontline_tickets ADD COLUMN resolved_at_ns BIGINT;
ALTER TABLE frontline_tickets ADD COLUMN first_solved_at_ns BIGINT;
ALTER TABLE frontline_tickets ADD COLUMN first_reopen_at_ns BIGINT;
CREATE INDEX frontline_tickets_created_ns_ix ON frontline_tickets (created_at_ns);
CREATE INDEX frontline_tickets_resolved_ns_ix ON frontline_tickets (resolved_at_ns);
CREATE INDEX frontline_tickets_metrics_v_ix ON frontline_tickets (metrics_v);

-- CSAT answers, one row per csat custom event, written with the event.
CREATE TABLE frontline_ticket_csat (
  ticket_id VARCHAR(64) NOT NULL,
  version   BIGINT NOT NULL,
  at_ns     BIGINT NOT NULL,
  rating    INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_ticket_csat_at_ix ON frontline_ticket_csat (at_ns);

-- Recorded interactions (append-only).
CREATE TABLE frontline_interactions (
  id            VARCHAR(64) NOT NULL PRIMARY KEY,
  customer      VARCHAR(64) NOT NULL,
  ticket_id     VARCHAR(64),
  started_at_ns BIGINT NOT NULL,
  payload       LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_interactions_customer_ix ON frontline_interactions (customer, started_at_ns, id);
CREATE INDEX frontline_interactions_ticket_ix ON frontline_interactions (ticket_id, started_at_ns, id);

-- Customer assets.
CREATE TABLE frontline_assets (
  id           VARCHAR(64) NOT NULL PRIMARY KEY,
  customer     VARCHAR(64),
  organization VARCHAR(64),
  payload      LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_assets_customer_ix ON frontline_assets (customer, id);
CREATE INDEX frontline_assets_org_ix ON frontline_assets (organization, id);
