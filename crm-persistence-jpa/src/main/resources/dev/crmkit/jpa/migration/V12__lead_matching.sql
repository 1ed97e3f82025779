-- Duplicate matching (crm-core's BlockingKeys, DuplicateRules): a lead's date of birth, the phone number an import
-- gave that could not be verified (kept as entered, LeadLimits.UNVERIFIED_PHONE wide), and its blocking keys
-- mirrored into a narrow key table so that finding the candidates of a new lead is an index range scan per key
-- (primary key tenant, key, lead: the lookup reads the index only). Keys are at most BlockingKeys.MAX_LENGTH (255)
-- characters, compared exactly. Leads stored before this version have no keys until they are next saved; matching
-- still finds them by email, phone and name key (the indexes of V1).

ALTER TABLE crm_lead ADD COLUMN birth_date DATE;

ALTER TABLE crm_lead ADD COLUMN unverified_phone VARCHAR(64);

CREATE TABLE crm_lead_match_key (
    tenant_id VARCHAR(64)  NOT NULL,
    match_key VARCHAR(255) ${binary_collation} NOT NULL,
    lead_id   UUID         NOT NULL,
    PRIMARY KEY (tenant_id, match_key, lead_id)
) ${table_options};
CREATE INDEX crm_lead_match_key_lead ON crm_lead_match_key (tenant_id, lead_id);
