-- Radius queries (LeadService.near and the like) read the box around the circle: a range on latitude, then
-- longitude, within the tenant. Numbered 17: 15 is the Java re-index of article terms, 16 the matching tables.
CREATE INDEX crm_lead_geo ON crm_lead (tenant_id, address_latitude, address_longitude);
CREATE INDEX crm_contact_geo ON crm_contact (tenant_id, address_latitude, address_longitude);
CREATE INDEX crm_account_geo ON crm_account (tenant_id, address_latitude, address_longitude);
