-- Email with consent (crm-core's dev.crmkit.core.email). Text widths are EmailLimits' and EmailAddress.MAX_LENGTH,
-- exactly. V10 is the automation tables'.

-- A tenant's templates. merge_fields: the declared custom merge fields as a JSON array.
CREATE TABLE crm_email_template (
    tenant_id     VARCHAR(64)   NOT NULL,
    id            UUID          NOT NULL,
    version       BIGINT        NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    subject       VARCHAR(500)  NOT NULL,
    html          ${text}       NOT NULL,
    body_text     ${text},
    merge_fields  ${text}       NOT NULL,
    created_at    ${instant}    NOT NULL,
    updated_at    ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

CREATE INDEX crm_email_template_name ON crm_email_template (tenant_id, name);

-- Where each address stands: one row per (tenant, address). opt_in_nonce: SHA-256 hex of the open request's nonce.
CREATE TABLE crm_email_recipient (
    tenant_id       VARCHAR(64)   NOT NULL,
    id              UUID          NOT NULL,
    version         BIGINT        NOT NULL,
    email           VARCHAR(254)  ${binary_collation} NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    basis           VARCHAR(32),
    opt_in_nonce    VARCHAR(64),
    opt_in_expires  ${instant},
    time_zone       VARCHAR(64),
    suppressed      VARCHAR(16),
    suppressed_at   ${instant},
    updated_at      ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_email_recipient_email UNIQUE (tenant_id, email)
) ${table_options};

-- The suppression list, the last suppressed first.
CREATE INDEX crm_email_recipient_suppressed ON crm_email_recipient (tenant_id, suppressed_at);

-- The consent log: append-only, never updated.
CREATE TABLE crm_email_consent_change (
    tenant_id      VARCHAR(64)   NOT NULL,
    id             UUID          NOT NULL,
    email          VARCHAR(254)  ${binary_collation} NOT NULL,
    change_action  VARCHAR(32)   NOT NULL,
    basis          VARCHAR(32),
    source         VARCHAR(200)  NOT NULL,
    changed_at     ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

CREATE INDEX crm_email_consent_change_email ON crm_email_consent_change (tenant_id, email, changed_at);

-- Emails sent or held for quiet hours (status DEFERRED, due_at set).
CREATE TABLE crm_email_sent (
    tenant_id    VARCHAR(64)   NOT NULL,
    id           UUID          NOT NULL,
    version      BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    template_id  UUID          NOT NULL,
    to_address   VARCHAR(254)  ${binary_collation} NOT NULL,
    lead_id      UUID,
    contact_id   UUID,
    subject      VARCHAR(500)  NOT NULL,
    html         ${text}       NOT NULL,
    body_text    ${text},
    status       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(500),
    created_at   ${instant}    NOT NULL,
    due_at       ${instant},
    sent_at      ${instant},
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- The weekly cap: an address's emails by time sent.
CREATE INDEX crm_email_sent_to ON crm_email_sent (tenant_id, to_address, sent_at);
-- The held emails that are due.
CREATE INDEX crm_email_sent_due ON crm_email_sent (tenant_id, status, due_at);
