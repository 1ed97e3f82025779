-- Duplicate matching across record types (crm-core's BlockingKeys, DuplicateService): the blocking keys of contacts
-- (as a lead's, without the company) and of accounts (name, website domain, name initial + postal code), mirrored
-- into narrow key tables like crm_lead_match_key (V12), so that a contact's or an account's candidates are an index
-- range scan per key (primary key tenant, key, owner). Keys are at most BlockingKeys.MAX_LENGTH (255) characters.
-- The rows of records stored before this version are written by the Java migration 16.1.

CREATE TABLE crm_contact_match_key (
    tenant_id  VARCHAR(64)  NOT NULL,
    match_key  VARCHAR(255) ${binary_collation} NOT NULL,
    contact_id UUID         NOT NULL,
    PRIMARY KEY (tenant_id, match_key, contact_id)
) ${table_options};
CREATE INDEX crm_contact_match_key_contact ON crm_contact_match_key (tenant_id, contact_id);

CREATE TABLE crm_account_match_key (
    tenant_id  VARCHAR(64)  NOT NULL,
    match_key  VARCHAR(255) ${binary_collation} NOT NULL,
    account_id UUID         NOT NULL,
    PRIMARY KEY (tenant_id, match_key, account_id)
) ${table_options};
CREATE INDEX crm_account_match_key_account ON crm_account_match_key (tenant_id, account_id);
