-- Records shared with users beyond their owner and team hierarchy (crm-core's sharing.ShareRepository): whether one
-- record is shared with a user and a record's shares by the primary key; a rep's shared leads by crm_share_user. (A
-- rep's own leads come through crm_lead_owner, V1.)
CREATE TABLE crm_share (
    tenant_id  VARCHAR(64)  NOT NULL,
    record_id  UUID         NOT NULL,
    user_id    VARCHAR(128) ${binary_collation} NOT NULL,
    shared_by  VARCHAR(128) NOT NULL,
    shared_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, record_id, user_id)
) ${table_options};
-- The leads shared with a user (a rep's list pushed down to SQL joins from the user's side).
CREATE INDEX crm_share_user ON crm_share (tenant_id, user_id, record_id);
