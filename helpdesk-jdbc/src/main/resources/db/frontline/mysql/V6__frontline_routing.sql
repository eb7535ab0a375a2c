-- Frontline schema, version 6, MySQL (8.0 or later): the routing ledger (RoutingLedger).
-- Never edit an applied script; add a V7 instead.

-- One slot per open assigned ticket: the agent it counts against, its channel and its weight
-- (load units). An agent's load is the sum over its slots.
CREATE TABLE frontline_routing_slots (
  ticket_id VARCHAR(64) NOT NULL PRIMARY KEY,
  agent_id  VARCHAR(64) NOT NULL,
  channel   VARCHAR(16) NOT NULL,
  weight    INTEGER NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_routing_slots_agent_ix ON frontline_routing_slots (agent_id, channel, weight);

-- One lock row per agent, created on the agent's first reservation: a reservation locks it
-- (SELECT ... FOR UPDATE) before it reads the agent's load and adds the slot, so reservations for
-- one agent run one at a time on every node.
CREATE TABLE frontline_routing_agents (
  agent_id VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Tickets waiting for an agent with room. Serving order: priority_rank (0 = urgent ... 3 = low),
-- then since (epoch seconds and nanoseconds, exact), then seq (hold order), all ascending, so one
-- ascending index serves it on every database.
-- seq is AUTO_INCREMENT, which needs a key of its own: the unique key on it.
CREATE TABLE frontline_routing_held (
  ticket_id     VARCHAR(64) NOT NULL PRIMARY KEY,
  priority      VARCHAR(16) NOT NULL,
  priority_rank INTEGER NOT NULL,
  since_s       BIGINT NOT NULL,
  since_nanos   INTEGER NOT NULL,
  seq           BIGINT NOT NULL AUTO_INCREMENT,
  CONSTRAINT frontline_routing_held_seq_uk UNIQUE (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX frontline_routing_held_order_ix ON frontline_routing_held (priority_rank, since_s, since_nanos, seq);
