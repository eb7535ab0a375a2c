-- Frontline schema, version 4, PostgreSQL: e-mail threading (EmailThreadStore).
-- Never edit an applied script; add a V5 instead.

-- Message-IDs of messages added to a ticket. Message-IDs can be longer than an index key allows,
-- so the key is the SHA-256 of the id (hex); the first record of an id wins.
CREATE TABLE frontline_email_received (
  message_key CHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
  message_id  TEXT COLLATE "C" NOT NULL,
  ticket_id   VARCHAR(64) COLLATE "C" NOT NULL
);

-- Message-IDs referred to by a received message but not seen themselves ("ghost" parents).
CREATE TABLE frontline_email_referenced (
  message_key CHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
  message_id  TEXT COLLATE "C" NOT NULL,
  ticket_id   VARCHAR(64) COLLATE "C" NOT NULL
);

-- Addresses that wrote into a ticket (lower-cased by the intake).
CREATE TABLE frontline_email_participants (
  ticket_id VARCHAR(64) COLLATE "C" NOT NULL,
  address   VARCHAR(512) COLLATE "C" NOT NULL,
  PRIMARY KEY (ticket_id, address)
);
