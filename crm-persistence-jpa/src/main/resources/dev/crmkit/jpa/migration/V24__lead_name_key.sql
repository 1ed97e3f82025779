-- A lead's name key (last name + first initial) became one of its blocking keys (k:, in crm_lead_match_key) and
-- nothing looks leads up by the column any more. Its index was a random-page insert on every capture: with the
-- blocking keys, the page writes (and, after each checkpoint, the full-page images in the WAL) a commit waits for.
${not_mariadb}DROP INDEX crm_lead_name_key;
${mariadb}DROP INDEX crm_lead_name_key ON crm_lead;
ALTER TABLE crm_lead DROP COLUMN name_key;
