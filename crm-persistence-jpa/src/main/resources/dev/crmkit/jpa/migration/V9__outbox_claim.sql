-- The dispatcher's claim walks the pending rows in seq order from the earliest one (crm_outbox_due orders by due time
-- first, so it cannot give that order). Without it PostgreSQL walked the primary key from the first row ever stored,
-- past every delivered and leased row, on every claim.
CREATE INDEX crm_outbox_claim ON crm_outbox (status, seq, due_at);
-- Every outbox row is inserted once, by the write that raised its event, with a new event id: the unique constraint on
-- (event_id, subscriber) guarded nothing that could happen, and a random UUID index is the dearest part of the insert
-- on the capture path (a new page per row, full-page images in the WAL after each checkpoint). A dead letter's retry
-- finds its row by tenant and status first (crm_outbox_tenant).
ALTER TABLE crm_outbox ${drop_unique} crm_outbox_event;
-- Purging delivered rows by age walks crm_outbox_claim's DELIVERED range instead (due_at is in it): one index less to
-- write on every insert and every status change.
${not_mariadb}DROP INDEX crm_outbox_due;
${mariadb}DROP INDEX crm_outbox_due ON crm_outbox;
