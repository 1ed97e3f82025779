-- Service tracking: cases, service contracts, knowledge base articles, product information. Same conventions as
-- V1: keyed by (tenant_id, id), every secondary index starts with tenant_id, collections as JSON text with the
-- looked-up values mirrored into narrow key tables. The services set no length limits, so free text is unbounded;
-- only the values that are indexed (tracking numbers, product codes, terms, user ids) have a width.

CREATE TABLE crm_case (
    tenant_id          VARCHAR(64)  NOT NULL,
    id                 UUID         NOT NULL,
    version            BIGINT       NOT NULL,
    tracking_number    VARCHAR(64)  NOT NULL,
    account_id         UUID,
    contact_id         UUID,
    product_id         UUID,
    product_code       ${text},
    order_id           UUID,
    kind               VARCHAR(32)  NOT NULL,
    category           ${text},
    priority           VARCHAR(16)  NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    subject            ${text}      NOT NULL,
    description        ${text},
    owner_id           VARCHAR(128),
    status             VARCHAR(32)  NOT NULL,
    contract_id        UUID,
    first_response_due ${instant},
    resolution_due     ${instant},
    first_responded_at ${instant},
    resolved_at        ${instant},
    resolution         ${text},
    closed_at          ${instant},
    escalations        ${text},
    articles           ${text},
    feedback_id        UUID,
    comments           ${text},
    history            ${text},
    -- The earliest target an open case has not met yet (null once resolved or closed, or without targets):
    -- escalation reads the cases with next_due before now from its index instead of scanning open cases.
    next_due           ${instant},
    created_at         ${instant}   NOT NULL,
    updated_at         ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_case_tracking_number UNIQUE (tenant_id, tracking_number)
) ${table_options};
CREATE INDEX crm_case_contact ON crm_case (tenant_id, contact_id, created_at);
CREATE INDEX crm_case_account ON crm_case (tenant_id, account_id, created_at);
CREATE INDEX crm_case_next_due ON crm_case (tenant_id, next_due);

CREATE TABLE crm_case_article (
    tenant_id  VARCHAR(64) NOT NULL,
    article_id VARCHAR(36) NOT NULL,
    case_id    UUID        NOT NULL,
    PRIMARY KEY (tenant_id, article_id, case_id)
) ${table_options};
CREATE INDEX crm_case_article_case ON crm_case_article (tenant_id, case_id);

CREATE TABLE crm_service_contract (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             UUID         NOT NULL,
    version        BIGINT       NOT NULL,
    account_id     UUID         NOT NULL,
    name           ${text}      NOT NULL,
    start_date     DATE         NOT NULL,
    end_date       DATE,
    products       ${text},
    product_codes  ${text},
    levels         ${text},
    hours_zone     VARCHAR(64),
    hours_opens    VARCHAR(32),
    hours_closes   VARCHAR(32),
    hours_days     ${text},
    hours_holidays ${text},
    created_at     ${instant}   NOT NULL,
    updated_at     ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_service_contract_account ON crm_service_contract (tenant_id, account_id, start_date);

CREATE TABLE crm_article (
    tenant_id     VARCHAR(64) NOT NULL,
    id            UUID        NOT NULL,
    version       BIGINT      NOT NULL,
    -- Binary collation: search ranks equal scores by title in Java's string order, as the in-memory adapter does.
    title         ${text}     ${binary_collation} NOT NULL,
    body          ${text}     NOT NULL,
    tags          ${text},
    product_codes ${text},
    status        VARCHAR(16) NOT NULL,
    revision      INTEGER     NOT NULL,
    revisions     ${text},
    author_id     VARCHAR(128),
    -- True when the article is in the search index (published, with at least one term); counted for the idf.
    searchable    BOOLEAN     NOT NULL,
    created_at    ${instant}  NOT NULL,
    updated_at    ${instant}  NOT NULL,
    published_at  ${instant},
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_article_searchable ON crm_article (tenant_id, searchable);

CREATE TABLE crm_article_product (
    tenant_id    VARCHAR(64)  NOT NULL,
    product_code VARCHAR(255) NOT NULL,
    article_id   UUID         NOT NULL,
    PRIMARY KEY (tenant_id, product_code, article_id)
) ${table_options};
CREATE INDEX crm_article_product_article ON crm_article_product (tenant_id, article_id);

-- The knowledge base's inverted index: each term of a published article with its weight (ArticleTerms.weights),
-- rewritten whenever the article is saved. Search sums weight x idf per article over the query's terms.
CREATE TABLE crm_article_term (
    tenant_id  VARCHAR(64)  NOT NULL,
    term       VARCHAR(200) NOT NULL,
    article_id UUID         NOT NULL,
    weight     INTEGER      NOT NULL,
    PRIMARY KEY (tenant_id, term, article_id)
) ${table_options};
CREATE INDEX crm_article_term_article ON crm_article_term (tenant_id, article_id);

CREATE TABLE crm_product_info (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             UUID         NOT NULL,
    version        BIGINT       NOT NULL,
    product_code   VARCHAR(255) ${binary_collation} NOT NULL,
    product_id     UUID,
    name           ${text}      NOT NULL,
    summary        ${text},
    specifications ${text},
    documents      ${text},
    updated_at     ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_product_info_code UNIQUE (tenant_id, product_code)
) ${table_options};
CREATE INDEX crm_product_info_product ON crm_product_info (tenant_id, product_id, product_code);
