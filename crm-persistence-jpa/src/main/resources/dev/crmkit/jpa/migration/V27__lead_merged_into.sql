-- The leads merged into a survivor (LeadRepository.findMergedInto): an erasure of the person reaches the duplicates
-- a merge folded into their lead, whatever address those carried.
CREATE INDEX crm_lead_merged_into ON crm_lead (tenant_id, merged_into);
