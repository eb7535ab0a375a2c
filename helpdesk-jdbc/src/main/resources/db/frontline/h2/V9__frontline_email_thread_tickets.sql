-- Frontline schema, version 9, H2 (2.x): every ticket of an e-mail conversation (EmailThreadStore).
-- Never edit an applied script; add a V10 instead.

-- Every ticket an e-mail conversation reached (EmailThreadStore.recordThread): under the
-- participant rule one conversation can span several tickets, and a later message looks for the one
-- its sender takes part in. message_key is the SHA-256 (hex) of the Message-ID, as in
-- frontline_email_received; recorded orders the tickets of one id (first record first).
CREATE TABLE frontline_email_thread_tickets (
  message_key CHAR(64) NOT NULL,
  ticket_id   VARCHAR(64) NOT NULL,
  recorded    BIGINT NOT NULL,
  CONSTRAINT frontline_email_thread_tickets_pk PRIMARY KEY (message_key, ticket_id)
);
