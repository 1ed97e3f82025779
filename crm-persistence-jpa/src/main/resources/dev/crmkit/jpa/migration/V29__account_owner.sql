-- The accounts of a rep's audience (record visibility: a contact, opportunity or case is seen with its account), so
-- the "accounts seen" subquery of a rep's contact list reads the owners' accounts by index, not every account.
CREATE INDEX crm_account_owner ON crm_account (tenant_id, owner_id);
