-- CRMKit sales: opportunities, products, price books, quotes, orders and account teams. Same conventions as V1:
-- keyed by (tenant_id, id), every secondary index starts with tenant_id. Money is an exact DECIMAL with its ISO
-- currency code; line items, histories and list prices are JSON text in the owning row (amounts written as
-- decimal strings, never floating point). Tax rates are kept as decimal text: BigDecimal equality includes the
-- scale ("19.00" is not "19.0"), and a DECIMAL column would change it. The sales services set no length limits,
-- so free text is unbounded here; only the keys that are indexed (codes, numbers, user ids) have a width.

CREATE TABLE crm_opportunity (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    version          BIGINT        NOT NULL,
    account_id       UUID          NOT NULL,
    contact_id       UUID,
    name             ${text}       NOT NULL,
    amount_amount    DECIMAL(19,4) NOT NULL,
    amount_currency  VARCHAR(3)    NOT NULL,
    close_date       DATE          NOT NULL,
    owner_id         VARCHAR(128)  NOT NULL,
    stage            ${text}       NOT NULL,
    probability      INTEGER       NOT NULL,
    category         VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    close_reason     ${text},
    source_lead      UUID,
    history          ${text},
    created_at       ${instant}    NOT NULL,
    updated_at       ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
-- Forecasts: per owner (and so per team, one owner after the other) and per period (close date range).
CREATE INDEX crm_opportunity_owner ON crm_opportunity (tenant_id, owner_id, close_date, id);
CREATE INDEX crm_opportunity_close ON crm_opportunity (tenant_id, close_date, id);
CREATE INDEX crm_opportunity_account ON crm_opportunity (tenant_id, account_id, close_date, id);

CREATE TABLE crm_product (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          UUID         NOT NULL,
    version     BIGINT       NOT NULL,
    code        VARCHAR(255) ${binary_collation} NOT NULL,
    name        ${text}      NOT NULL,
    description ${text},
    active      BOOLEAN      NOT NULL,
    created_at  ${instant}   NOT NULL,
    updated_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_product_code UNIQUE (tenant_id, code)
) ${table_options};

CREATE TABLE crm_price_book (
    tenant_id   VARCHAR(64)  NOT NULL,
    id          UUID         NOT NULL,
    version     BIGINT       NOT NULL,
    name        ${text}      NOT NULL,
    currency    VARCHAR(3)   ${binary_collation} NOT NULL,
    list_prices ${text},
    created_at  ${instant}   NOT NULL,
    updated_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_price_book_currency UNIQUE (tenant_id, currency)
) ${table_options};

CREATE TABLE crm_quote (
    tenant_id         VARCHAR(64)  NOT NULL,
    id                UUID         NOT NULL,
    version           BIGINT       NOT NULL,
    number            VARCHAR(64)  ${binary_collation} NOT NULL,
    revision          INTEGER      NOT NULL,
    opportunity_id    UUID         NOT NULL,
    account_id        UUID         NOT NULL,
    contact_id        UUID,
    currency          VARCHAR(3)   NOT NULL,
    tax_rate          VARCHAR(64)  NOT NULL,
    line_items        ${text},
    approval_required BOOLEAN      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    approved_by       VARCHAR(128),
    valid_until       DATE,
    notes             ${text},
    order_id          UUID,
    history           ${text},
    created_by        VARCHAR(128) NOT NULL,
    created_at        ${instant}   NOT NULL,
    updated_at        ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_quote_number UNIQUE (tenant_id, number)
) ${table_options};
CREATE INDEX crm_quote_opportunity ON crm_quote (tenant_id, opportunity_id, created_at, id);

CREATE TABLE crm_order (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             UUID         NOT NULL,
    version        BIGINT       NOT NULL,
    number         VARCHAR(64)  ${binary_collation} NOT NULL,
    quote_id       UUID,
    opportunity_id UUID,
    account_id     UUID         NOT NULL,
    contact_id     UUID,
    owner_id       VARCHAR(128) NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    tax_rate       VARCHAR(64)  NOT NULL,
    line_items     ${text},
    status         VARCHAR(16)  NOT NULL,
    history        ${text},
    purchases      ${text},
    created_at     ${instant}   NOT NULL,
    updated_at     ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_order_number UNIQUE (tenant_id, number)
) ${table_options};
CREATE INDEX crm_order_account ON crm_order (tenant_id, account_id, created_at, id);

-- Keyed by the account's id: one team per account, versioned apart from the account.
CREATE TABLE crm_account_team (
    tenant_id  VARCHAR(64) NOT NULL,
    id         UUID        NOT NULL,
    version    BIGINT      NOT NULL,
    members    ${text},
    updated_at ${instant}  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- Key table: the members of each team, so "the accounts a rep works" is an index hit.
CREATE TABLE crm_account_team_member (
    tenant_id  VARCHAR(64)  NOT NULL,
    user_id    VARCHAR(128) NOT NULL,
    account_id UUID         NOT NULL,
    PRIMARY KEY (tenant_id, user_id, account_id)
) ${table_options};
CREATE INDEX crm_account_team_member_account ON crm_account_team_member (tenant_id, account_id);
