-- A campaign's target area: leads captured inside it while it runs are attributed to it. All three null: none.
ALTER TABLE crm_campaign ADD COLUMN target_latitude DOUBLE PRECISION;
ALTER TABLE crm_campaign ADD COLUMN target_longitude DOUBLE PRECISION;
ALTER TABLE crm_campaign ADD COLUMN target_radius_km DOUBLE PRECISION;
