-- Workflow rules (crm-core's dev.crmkit.core.automation). Text widths are RuleJson's (names 500) and the outbox's
-- (event types 100, record kinds 100), exactly.

-- A tenant's rules. definition: the rule as RuleDefinition.toJson writes it.
CREATE TABLE crm_automation_rule (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    version          BIGINT        NOT NULL,
    name             VARCHAR(500)  NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    definition       ${text}       NOT NULL,
    run_order        INT           NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    created_at       ${instant}    NOT NULL,
    updated_at       ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- The run log. The unique key is what makes a rule run once per trigger: a redelivered event, or a second node
-- running the same event or delayed run, finds the row (or loses the insert) and its transaction keeps nothing.
CREATE TABLE crm_automation_run (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    rule_id          UUID          NOT NULL,
    rule_version     BIGINT        NOT NULL,
    rule_name        VARCHAR(500)  NOT NULL,
    origin_event_id  UUID          NOT NULL,
    event_id         UUID          NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    record_type      VARCHAR(100)  NOT NULL,
    record_id        VARCHAR(64)   NOT NULL,
    depth            INT           NOT NULL,
    outcome          VARCHAR(10)   NOT NULL,
    actions          ${text}       NOT NULL,
    error            VARCHAR(1000),
    ran_at           ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_automation_run_once UNIQUE (tenant_id, origin_event_id, rule_id, record_id)
) ${table_options};
-- A rule's runs and its round-robin turn; the runs on a record.
CREATE INDEX crm_automation_run_rule ON crm_automation_run (tenant_id, rule_id, ran_at);
CREATE INDEX crm_automation_run_record ON crm_automation_run (tenant_id, record_id, ran_at);

-- Events raised by rules' actions: the chain they belong to and how deep.
CREATE TABLE crm_automation_chain (
    tenant_id        VARCHAR(64)   NOT NULL,
    event_id         UUID          NOT NULL,
    origin_event_id  UUID          NOT NULL,
    depth            INT           NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
) ${table_options};

-- Delayed runs waiting for their time; deleted by the transaction that runs them, or by an event that cancels them.
CREATE TABLE crm_automation_due (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    rule_id          UUID          NOT NULL,
    origin_event_id  UUID          NOT NULL,
    event_id         UUID          NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    record_type      VARCHAR(100)  NOT NULL,
    record_id        VARCHAR(64)   NOT NULL,
    depth            INT           NOT NULL,
    due_at           ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_automation_due_once UNIQUE (tenant_id, rule_id, record_id, origin_event_id)
) ${table_options};
CREATE INDEX crm_automation_due_time ON crm_automation_due (tenant_id, due_at);

-- Calendar reminders: minutes before the start, when it fired for the current start, and (while pending) when it is
-- due, which "reminders due" reads through its index, as crm_task's.
ALTER TABLE crm_calendar_event ADD reminder_minutes INT;
ALTER TABLE crm_calendar_event ADD reminder_fired_at ${instant};
ALTER TABLE crm_calendar_event ADD pending_remind_at ${instant};
CREATE INDEX crm_calendar_event_pending_reminder ON crm_calendar_event (tenant_id, pending_remind_at);
