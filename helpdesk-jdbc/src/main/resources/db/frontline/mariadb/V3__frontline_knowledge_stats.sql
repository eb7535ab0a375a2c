-- Frontline schema, version 3, MariaDB (10.6 or later): knowledge article feedback and usage counts.
-- Never edit an applied script; add a V4 instead.

-- One vote per voter per article; a later vote replaces the earlier one.
CREATE TABLE frontline_article_votes (
  article_id VARCHAR(64) NOT NULL,
  voter      VARCHAR(200) NOT NULL,
  helpful    BOOLEAN NOT NULL,
  PRIMARY KEY (article_id, voter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- View counter per article.
CREATE TABLE frontline_article_views (
  article_id VARCHAR(64) NOT NULL PRIMARY KEY,
  views      BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Tickets an article was linked to (kind 'L') or solved (kind 'S'), each once.
CREATE TABLE frontline_article_tickets (
  article_id VARCHAR(64) NOT NULL,
  kind       CHAR(1) NOT NULL,
  ticket_id  VARCHAR(64) NOT NULL,
  PRIMARY KEY (article_id, kind, ticket_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
