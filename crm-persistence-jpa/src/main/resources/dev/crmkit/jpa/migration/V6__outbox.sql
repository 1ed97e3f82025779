-- The transactional outbox: one row per committed event and durable subscriber, inserted in the write's own
-- transaction. seq (assigned at insert) orders a subscriber's events of one record in commit order, because a second
-- write to that record waits for the first one's row lock before it inserts its own events.
-- due_at: when a PENDING row may be claimed (now, a retry time, or the end of a node's lease); when it was
-- delivered for DELIVERED rows, and when it was given up for DEAD ones.
CREATE TABLE crm_outbox (
    seq             ${identity},
    event_id        UUID          NOT NULL,
    subscriber      VARCHAR(100)  NOT NULL,
    tenant_id       VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(100)  NOT NULL,
    aggregate_type  VARCHAR(64)   NOT NULL,
    aggregate_id    VARCHAR(64)   NOT NULL,
    occurred_at     ${instant}    NOT NULL,
    payload         ${text}       NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    due_at          ${instant}    NOT NULL,
    lease_owner     VARCHAR(64),
    last_error      VARCHAR(1000),
    PRIMARY KEY (seq),
    CONSTRAINT crm_outbox_event UNIQUE (event_id, subscriber)
) ${table_options};

-- The dispatcher's claim: due pending rows, lowest seq first.
CREATE INDEX crm_outbox_due ON crm_outbox (status, due_at, seq);
-- "Is an earlier row of this subscriber and record still pending?" for the per-record order.
CREATE INDEX crm_outbox_order ON crm_outbox (subscriber, tenant_id, aggregate_type, aggregate_id, status, seq);
-- A tenant's backlog and dead letters.
CREATE INDEX crm_outbox_tenant ON crm_outbox (tenant_id, status, due_at);
