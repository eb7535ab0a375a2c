-- Frontline schema, version 7, PostgreSQL: definitions of macros, triggers and automations
-- (AutomationDefinitionStore).
-- Never edit an applied script; add a V8 instead.

-- One row per definition, by kind (macro, trigger, automation) and name. body is the definition
-- as JSON (AutomationDefinitionJson, with its format version). revision is the value of the change
-- counter at the last save; ordinal its value at the first save, which orders lists (a replaced
-- definition keeps its place).
CREATE TABLE frontline_automation_definitions (
  kind     VARCHAR(16) NOT NULL,
  name     VARCHAR(64) COLLATE "C" NOT NULL,
  revision BIGINT NOT NULL,
  ordinal  BIGINT NOT NULL,
  body     TEXT NOT NULL,
  CONSTRAINT frontline_automation_definitions_pk PRIMARY KEY (kind, name)
);
CREATE INDEX frontline_automation_definitions_order_ix ON frontline_automation_definitions (kind, ordinal);

-- The store-wide change counter, one row (id 1), created on first use. Every save and delete locks
-- it (SELECT ... FOR UPDATE) before it reads the definition, so writes run one at a time on every
-- node, and moves it on; readers compare it to decide whether to re-read the definitions.
CREATE TABLE frontline_automation_changes (
  id      INTEGER NOT NULL PRIMARY KEY,
  changes BIGINT NOT NULL
);
