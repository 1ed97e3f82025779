-- The audit trail (crm-core's AuditTrail): an entry per write of an aggregate, appended in the write's transaction,
-- read per record (by version) and per actor (by time), deleted only by age (AuditService.deleteExpired). The
-- changed fields are JSON text: [{"field": ..., "before": ..., "after": ...}].
CREATE TABLE crm_audit (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             UUID         NOT NULL,
    record_type    VARCHAR(64)  NOT NULL,
    record_id      UUID         NOT NULL,
    record_version BIGINT       NOT NULL,
    audit_action   VARCHAR(16)  NOT NULL,
    actor          VARCHAR(128) ${binary_collation} NOT NULL,
    made_at        ${instant}   NOT NULL,
    api_operation  VARCHAR(128) NOT NULL,
    field_changes  ${text}      NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_audit_record ON crm_audit (tenant_id, record_id, record_version);
CREATE INDEX crm_audit_actor ON crm_audit (tenant_id, actor, made_at);
CREATE INDEX crm_audit_made ON crm_audit (tenant_id, made_at);
