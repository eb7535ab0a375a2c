-- Frontline schema, version 4, MariaDB (10.6 or later): e-mail threading (EmailThreadStore).
-- Never edit an applied script; add a V5 instead.

-- Message-IDs of messages added to a ticket. Message-IDs can be longer than an index key allows,
-- so the key is the SHA-256 of the id (hex); the first record of an id wins.
CREATE TABLE frontline_email_received (
  message_key CHAR(64) NOT NULL PRIMARY KEY,
  message_id  LONGTEXT NOT NULL,
  ticket_id   VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Message-IDs referred to by a received message but not seen themselves ("ghost" parents).
CREATE TABLE frontline_email_referenced (
  message_key CHAR(64) NOT NULL PRIMARY KEY,
  message_id  LONGTEXT NOT NULL,
  ticket_id   VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Addresses that wrote into a ticket (lower-cased by the intake).
CREATE TABLE frontline_email_participants (
  ticket_id VARCHAR(64) NOT NULL,
  address   VARCHAR(512) NOT NULL,
  PRIMARY KEY (ticket_id, address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
