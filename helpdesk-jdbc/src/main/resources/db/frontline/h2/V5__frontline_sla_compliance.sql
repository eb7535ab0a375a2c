-- Frontline schema, version 5, H2 (2.x): SLA compliance per metric in metrics reports.
-- Never edit an applied script; add a V6 instead.

-- Met and breached cycles per SLA metric, copied from the ticket snapshot on every ticket write
-- (see JdbcTicketStore): first response, next response, periodic update, resolution.
ALTER TABLE frontline_tickets ADD COLUMN sla_fr_met INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_fr_breached INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_nr_met INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_nr_breached INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_pu_met INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_pu_breached INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_res_met INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE frontline_tickets ADD COLUMN sla_res_breached INTEGER DEFAULT 0 NOT NULL;

-- Rows written before V5 have no counts yet: the metrics store fills in every metrics column
-- again (from snapshot and history) before the first report that needs them.
UPDATE frontline_tickets SET metrics_v = NULL WHERE metrics_v IS NOT NULL;
