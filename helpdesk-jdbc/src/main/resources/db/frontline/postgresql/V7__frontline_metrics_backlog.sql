-- Frontline schema, version 7, PostgreSQL: the backlog of a past range in metrics reports.
-- Never edit an applied script; add a V8 instead.

-- The periods in which a ticket was not active (solved, closed or merged), written with the
-- events (see JdbcTicketStore): a period starts with the event (version) that made the ticket
-- inactive at since_ns and ends with the reopen at until_ns (NULL while it lasts). A ticket is in
-- the backlog at the end of a range if no period covers that instant.
CREATE TABLE frontline_ticket_inactive (
  ticket_id VARCHAR(64) COLLATE "C" NOT NULL,
  version   BIGINT NOT NULL,
  since_ns  BIGINT NOT NULL,
  until_ns  BIGINT,
  PRIMARY KEY (ticket_id, version)
);

-- Rows written before V7 have no periods yet: the metrics store fills in every metrics column
-- again (from snapshot and history) before the first report that needs them.
UPDATE frontline_tickets SET metrics_v = NULL WHERE metrics_v IS NOT NULL;
