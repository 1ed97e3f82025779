-- CRMKit core schema: leads, customers and tracking. One script for H2, PostgreSQL and MariaDB; the placeholders
-- carry the few column types that differ (see Database.java). Every table is keyed by (tenant_id, id) and every
-- secondary index starts with tenant_id, so each lookup the services make stays inside one tenant's rows.
-- Collections (tags, visitor ids, history, ...) are JSON text in the owning row; the ones that are searched or
-- looked up are mirrored into narrow key tables (crm_lead_visitor, crm_lead_tag, crm_contact_tag).

CREATE TABLE crm_lead (
    tenant_id           VARCHAR(64)  NOT NULL,
    id                  UUID         NOT NULL,
    version             BIGINT       NOT NULL,
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    company             VARCHAR(255),
    title               VARCHAR(255),
    email               VARCHAR(254),
    phone               VARCHAR(16),
    address_street      VARCHAR(255),
    address_city        VARCHAR(255),
    address_region      VARCHAR(255),
    address_postal_code VARCHAR(32),
    address_country     VARCHAR(2),
    address_latitude    DOUBLE PRECISION,
    address_longitude   DOUBLE PRECISION,
    source              VARCHAR(32)  NOT NULL,
    campaign_id         UUID,
    ad_id               UUID,
    affiliate_id        UUID,
    consent_email       BOOLEAN      NOT NULL,
    consent_phone       BOOLEAN      NOT NULL,
    consent_tracking    BOOLEAN      NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    unqualified_reason  VARCHAR(1000),
    score               INTEGER      NOT NULL,
    owner_id            VARCHAR(128),
    spam                BOOLEAN      NOT NULL,
    duplicates          ${text},
    visitor_ids         ${text},
    tags                ${text},
    custom_fields       ${text},
    history             ${text},
    name_key            VARCHAR(600),
    merged_into         UUID,
    converted_account   UUID,
    converted_contact   UUID,
    created_at          ${instant}   NOT NULL,
    updated_at          ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_lead_email ON crm_lead (tenant_id, email);
CREATE INDEX crm_lead_phone ON crm_lead (tenant_id, phone);
CREATE INDEX crm_lead_name_key ON crm_lead (tenant_id, name_key);
CREATE INDEX crm_lead_created ON crm_lead (tenant_id, created_at, id);
CREATE INDEX crm_lead_status ON crm_lead (tenant_id, status, created_at);
CREATE INDEX crm_lead_owner ON crm_lead (tenant_id, owner_id, created_at);

CREATE TABLE crm_lead_visitor (
    tenant_id  VARCHAR(64)  NOT NULL,
    visitor_id VARCHAR(255) NOT NULL,
    lead_id    UUID         NOT NULL,
    PRIMARY KEY (tenant_id, visitor_id, lead_id)
) ${table_options};
CREATE INDEX crm_lead_visitor_lead ON crm_lead_visitor (tenant_id, lead_id);

CREATE TABLE crm_lead_tag (
    tenant_id VARCHAR(64)  NOT NULL,
    tag       VARCHAR(255) NOT NULL,
    lead_id   UUID         NOT NULL,
    PRIMARY KEY (tenant_id, tag, lead_id)
) ${table_options};
CREATE INDEX crm_lead_tag_lead ON crm_lead_tag (tenant_id, lead_id);

CREATE TABLE crm_account (
    tenant_id           VARCHAR(64)  NOT NULL,
    id                  UUID         NOT NULL,
    version             BIGINT       NOT NULL,
    name                VARCHAR(255) NOT NULL,
    industry            VARCHAR(255),
    company_size        VARCHAR(16),
    address_street      VARCHAR(255),
    address_city        VARCHAR(255),
    address_region      VARCHAR(255),
    address_postal_code VARCHAR(32),
    address_country     VARCHAR(2),
    address_latitude    DOUBLE PRECISION,
    address_longitude   DOUBLE PRECISION,
    website             VARCHAR(1000),
    owner_id            VARCHAR(128),
    stage               VARCHAR(16)  NOT NULL,
    tags                ${text},
    name_key            VARCHAR(600) ${binary_collation},
    created_at          ${instant}   NOT NULL,
    updated_at          ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_account_name_key ON crm_account (tenant_id, name_key, id);

CREATE TABLE crm_contact (
    tenant_id           VARCHAR(64)  NOT NULL,
    id                  UUID         NOT NULL,
    version             BIGINT       NOT NULL,
    account_id          UUID,
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    title               VARCHAR(255),
    email               VARCHAR(254),
    phone               VARCHAR(16),
    address_street      VARCHAR(255),
    address_city        VARCHAR(255),
    address_region      VARCHAR(255),
    address_postal_code VARCHAR(32),
    address_country     VARCHAR(2),
    address_latitude    DOUBLE PRECISION,
    address_longitude   DOUBLE PRECISION,
    birth_date          DATE,
    age_band            VARCHAR(16),
    gender              VARCHAR(16),
    roles               ${text},
    key_decision_maker  BOOLEAN      NOT NULL,
    stage               VARCHAR(16)  NOT NULL,
    owner_id            VARCHAR(128),
    consent_email       BOOLEAN      NOT NULL,
    consent_phone       BOOLEAN      NOT NULL,
    consent_tracking    BOOLEAN      NOT NULL,
    source_lead         UUID,
    tags                ${text},
    name_key            VARCHAR(600),
    created_at          ${instant}   NOT NULL,
    updated_at          ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_contact_email ON crm_contact (tenant_id, email);
CREATE INDEX crm_contact_phone ON crm_contact (tenant_id, phone);
CREATE INDEX crm_contact_name_key ON crm_contact (tenant_id, name_key);
CREATE INDEX crm_contact_account ON crm_contact (tenant_id, account_id, created_at);
CREATE INDEX crm_contact_created ON crm_contact (tenant_id, created_at, id);
CREATE INDEX crm_contact_owner ON crm_contact (tenant_id, owner_id, created_at);
CREATE INDEX crm_contact_stage ON crm_contact (tenant_id, stage, created_at);

CREATE TABLE crm_contact_tag (
    tenant_id  VARCHAR(64)  NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    contact_id UUID         NOT NULL,
    PRIMARY KEY (tenant_id, tag, contact_id)
) ${table_options};
CREATE INDEX crm_contact_tag_contact ON crm_contact_tag (tenant_id, contact_id);

CREATE TABLE crm_purchase (
    tenant_id             VARCHAR(64)   NOT NULL,
    id                    UUID          NOT NULL,
    version               BIGINT        NOT NULL,
    account_id            UUID,
    contact_id            UUID,
    product_code          VARCHAR(255)  NOT NULL,
    product_name          VARCHAR(255),
    purchased_at          ${instant}    NOT NULL,
    quantity              INTEGER       NOT NULL,
    unit_price_amount     DECIMAL(19,4) NOT NULL,
    unit_price_currency   VARCHAR(3)    NOT NULL,
    reps                  ${text},
    special_instructions  ${text},
    order_reference       VARCHAR(255),
    created_at            ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_purchase_account ON crm_purchase (tenant_id, account_id, purchased_at);
CREATE INDEX crm_purchase_contact ON crm_purchase (tenant_id, contact_id, purchased_at);

CREATE TABLE crm_feedback (
    tenant_id   VARCHAR(64) NOT NULL,
    id          UUID        NOT NULL,
    version     BIGINT      NOT NULL,
    account_id  UUID,
    contact_id  UUID,
    purchase_id UUID,
    rating      INTEGER     NOT NULL,
    body        ${text},
    channel     VARCHAR(16) NOT NULL,
    received_at ${instant}  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_feedback_account ON crm_feedback (tenant_id, account_id, received_at);
CREATE INDEX crm_feedback_contact ON crm_feedback (tenant_id, contact_id, received_at);

CREATE TABLE crm_campaign (
    tenant_id       VARCHAR(64)   NOT NULL,
    id              UUID          NOT NULL,
    version         BIGINT        NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    channel         VARCHAR(16),
    start_date      DATE,
    end_date        DATE,
    budget_amount   DECIMAL(19,4),
    budget_currency VARCHAR(3),
    created_at      ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_campaign_created ON crm_campaign (tenant_id, created_at, id);

CREATE TABLE crm_ad (
    tenant_id     VARCHAR(64)   NOT NULL,
    id            UUID          NOT NULL,
    version       BIGINT        NOT NULL,
    campaign_id   UUID          NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    tracking_code VARCHAR(255)  NOT NULL,
    landing_url   VARCHAR(2000),
    created_at    ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_ad_tracking_code UNIQUE (tenant_id, tracking_code)
) ${table_options};
CREATE INDEX crm_ad_campaign ON crm_ad (tenant_id, campaign_id, created_at);

CREATE TABLE crm_affiliate (
    tenant_id     VARCHAR(64)  NOT NULL,
    id            UUID         NOT NULL,
    version       BIGINT       NOT NULL,
    name          VARCHAR(255) NOT NULL,
    site_domain   VARCHAR(255),
    tracking_code VARCHAR(255) NOT NULL,
    created_at    ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_affiliate_tracking_code UNIQUE (tenant_id, tracking_code)
) ${table_options};
CREATE INDEX crm_affiliate_created ON crm_affiliate (tenant_id, created_at, id);

-- Append-only and high volume: no version column, application-assigned ids (inserts are JDBC-batched).
CREATE TABLE crm_touchpoint (
    tenant_id         VARCHAR(64)   NOT NULL,
    id                UUID          NOT NULL,
    kind              VARCHAR(32)   NOT NULL,
    occurred_at       ${instant}    NOT NULL,
    external_event_id VARCHAR(255),
    visitor_id        VARCHAR(255),
    lead_id           UUID,
    contact_id        UUID,
    account_id        UUID,
    campaign_id       UUID,
    ad_id             UUID,
    affiliate_id      UUID,
    channel           VARCHAR(16)   NOT NULL,
    event_count       BIGINT        NOT NULL,
    value_amount      DECIMAL(19,4),
    value_currency    VARCHAR(3),
    duration_seconds  INTEGER,
    outcome           VARCHAR(1000),
    detail            ${text},
    rep_id            VARCHAR(128),
    first_click       UUID,
    last_click        UUID,
    PRIMARY KEY (tenant_id, id),
    -- Idempotent ingestion: an external event id is stored once per tenant (NULLs do not collide).
    CONSTRAINT crm_touchpoint_external_event UNIQUE (tenant_id, external_event_id)
) ${table_options};
CREATE INDEX crm_touchpoint_visitor ON crm_touchpoint (tenant_id, visitor_id, occurred_at);
CREATE INDEX crm_touchpoint_lead ON crm_touchpoint (tenant_id, lead_id, occurred_at);
CREATE INDEX crm_touchpoint_contact ON crm_touchpoint (tenant_id, contact_id, occurred_at);
CREATE INDEX crm_touchpoint_account ON crm_touchpoint (tenant_id, account_id, occurred_at);
CREATE INDEX crm_touchpoint_occurred ON crm_touchpoint (tenant_id, occurred_at);
