-- Records shared with users beyond their owner and team hierarchy (crm-core's sharing.ShareRepository): a lead search
-- by a rep asks, per lead of the page's candidates, whether it is shared with them (the primary key), and the shares
-- of one record are listed by the record.
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
-- A rep's lead list filters by owner before paging by creation.
CREATE INDEX crm_lead_owner_created ON crm_lead (tenant_id, owner_id, created_at, id);
