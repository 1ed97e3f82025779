-- Consent per person and purpose (crm-core's consent package): every change kept (crm_consent), and each person's
-- latest per purpose (crm_consent_state, replaced on each change) so that tracking asks which of a batch's people
-- refused profiling in one index lookup.
CREATE TABLE crm_consent (
    tenant_id    VARCHAR(64)  NOT NULL,
    id           UUID         NOT NULL,
    person_id    UUID         NOT NULL,
    purpose      VARCHAR(16)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    basis        VARCHAR(20),
    source       VARCHAR(200) NOT NULL,
    proof        VARCHAR(500),
    recorded_by  VARCHAR(128) NOT NULL,
    recorded_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_consent_person ON crm_consent (tenant_id, person_id, recorded_at);

CREATE TABLE crm_consent_state (
    tenant_id  VARCHAR(64) NOT NULL,
    person_id  UUID        NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    record_id  UUID        NOT NULL,
    granted    BOOLEAN     NOT NULL,
    PRIMARY KEY (tenant_id, person_id, purpose)
) ${table_options};
