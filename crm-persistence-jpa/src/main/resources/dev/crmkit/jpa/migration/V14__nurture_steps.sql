-- The steps each nurture enrollment went through, one row per step of its path (crm_nurture_enrollment.path as
-- rows), so per-step statistics are one GROUP BY (the report source SEQUENCE_STEPS). Written by the enrollment
-- repository on save; a path only grows, so a save inserts the steps not stored yet. sent_email_id is the email the
-- step sent, if any; click_prefix is then EmailService.clickEventPrefix of it, which its click touchpoints'
-- external_event_id starts with. sequence_id, lead_id and enrolled_at are copies of the enrollment's.
CREATE TABLE crm_nurture_step (
    tenant_id        VARCHAR(64)   NOT NULL,
    enrollment_id    UUID          NOT NULL,
    step             VARCHAR(200)  NOT NULL,
    sequence_id      UUID          NOT NULL,
    lead_id          UUID          NOT NULL,
    sent_email_id    UUID,
    click_prefix     VARCHAR(49),
    enrolled_at      ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, enrollment_id, step)
) ${table_options};
CREATE INDEX crm_nurture_step_enrolled ON crm_nurture_step (tenant_id, enrolled_at);

-- Existing enrollments' paths are copied in by NurtureStepBackfill after this migration.
