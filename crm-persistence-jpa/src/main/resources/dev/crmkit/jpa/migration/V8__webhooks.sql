-- Outbound webhooks (crm-core's dev.crmkit.core.webhook). Text widths are WebhookLimits' (URL, SECRET, DESCRIPTION,
-- DISABLED_REASON, ERROR), exactly, like every other width-limited text.

-- A tenant's endpoints. event_types: the wanted event type names as a JSON array, [] for all.
CREATE TABLE crm_webhook (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    version          BIGINT        NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    secret           VARCHAR(200)  NOT NULL,
    event_types      ${text}       NOT NULL,
    description      VARCHAR(500),
    enabled          BOOLEAN       NOT NULL,
    disabled_reason  VARCHAR(500),
    created_at       ${instant}    NOT NULL,
    updated_at       ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- What one event became at one endpoint, updated on every POST: a retry of the webhook subscriber's outbox delivery
-- skips the endpoints that took the event (DELIVERED) or are gone (GONE). Deleted with the endpoint.
CREATE TABLE crm_webhook_delivery (
    tenant_id        VARCHAR(64)   NOT NULL,
    event_id         UUID          NOT NULL,
    endpoint_id      UUID          NOT NULL,
    event_type       VARCHAR(100)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    status_code      INT,
    last_error       VARCHAR(1000),
    attempts         INT           NOT NULL,
    last_attempt_at  ${instant}    NOT NULL,
    delivered_at     ${instant},
    PRIMARY KEY (tenant_id, event_id, endpoint_id)
) ${table_options};

-- An endpoint's records, the last attempted first; deleting an endpoint's records.
CREATE INDEX crm_webhook_delivery_endpoint ON crm_webhook_delivery (tenant_id, endpoint_id, last_attempt_at);
