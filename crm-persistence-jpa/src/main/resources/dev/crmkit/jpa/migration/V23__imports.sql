-- Consent to marketing by post (direct mail); nobody had given it before, so every stored person starts without.
ALTER TABLE crm_lead ADD COLUMN consent_postal BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE crm_contact ADD COLUMN consent_postal BOOLEAN DEFAULT FALSE NOT NULL;

-- Rows an import created or updated a record from, by a hash of their content (hex SHA-256), so that importing
-- the same row again creates nothing.
CREATE TABLE crm_import_row (
    tenant_id    VARCHAR(64)  NOT NULL,
    row_key      VARCHAR(64)  ${binary_collation} NOT NULL,
    target       VARCHAR(16)  NOT NULL,
    record_id    UUID         NOT NULL,
    imported_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, row_key)
) ${table_options};

-- Column mappings saved by name for the next file of the same layout (the mapping as JSON text).
CREATE TABLE crm_import_mapping (
    tenant_id  VARCHAR(64)   NOT NULL,
    name       VARCHAR(100)  ${binary_collation} NOT NULL,
    target     VARCHAR(16)   NOT NULL,
    mapping    ${text}       NOT NULL,
    saved_by   VARCHAR(128)  NOT NULL,
    saved_at   ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, name)
) ${table_options};
