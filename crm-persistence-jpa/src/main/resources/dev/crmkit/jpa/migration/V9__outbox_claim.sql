-- The dispatcher's claim walks the pending rows in seq order from the earliest one (crm_outbox_due orders by due time
-- first, so it cannot give that order). Without it PostgreSQL walked the primary key from the first row ever stored,
-- past every delivered and leased row, on every claim. crm_outbox_due stays for purging delivered rows by age.
CREATE INDEX crm_outbox_claim ON crm_outbox (status, seq, due_at);
