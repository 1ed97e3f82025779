-- Nurture sequences (crm-core's dev.crmkit.core.nurture). V12 is the matching work's.

-- A tenant's sequences. definition: the sequence as SequenceDefinition.toJson writes it; name is a copy.
CREATE TABLE crm_nurture_sequence (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    version          BIGINT        NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    definition       ${text}       NOT NULL,
    active           BOOLEAN       NOT NULL,
    created_at       ${instant}    NOT NULL,
    updated_at       ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- One lead's way through one sequence. open_key is "<sequence>/<lead>" while the enrollment is active or paused and
-- null after: its unique index allows one open enrollment per person and sequence, on every database (several nulls
-- are allowed). due_at is set only while active: the due steps are a range of its index.
CREATE TABLE crm_nurture_enrollment (
    tenant_id        VARCHAR(64)   NOT NULL,
    id               UUID          NOT NULL,
    version          BIGINT        NOT NULL,
    sequence_id      UUID          NOT NULL,
    lead_id          UUID          NOT NULL,
    status           VARCHAR(9)    NOT NULL,
    step             VARCHAR(200)  NOT NULL,
    due_at           ${instant},
    path             ${text}       NOT NULL,
    sent             ${text}       NOT NULL,
    exit_reason      VARCHAR(12),
    open_key         VARCHAR(73),
    enrolled_at      ${instant}    NOT NULL,
    updated_at       ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_nurture_enrollment_open UNIQUE (tenant_id, open_key)
) ${table_options};
CREATE INDEX crm_nurture_enrollment_lead ON crm_nurture_enrollment (tenant_id, lead_id);
CREATE INDEX crm_nurture_enrollment_sequence ON crm_nurture_enrollment (tenant_id, sequence_id);
CREATE INDEX crm_nurture_enrollment_due ON crm_nurture_enrollment (tenant_id, due_at);

-- Tasks falling overdue are announced once per due time (TaskService.fireOverdue, TaskOverdue events for rules):
-- when it was announced, and (until then, while open) the due time, which "overdue" reads through its index.
ALTER TABLE crm_task ADD overdue_fired_at ${instant};
ALTER TABLE crm_task ADD pending_overdue_at ${instant};
CREATE INDEX crm_task_pending_overdue ON crm_task (tenant_id, pending_overdue_at);

-- Segments watched by rules on SegmentEntered, and their members as runDue last compared them. A comparison first
-- bumps turns, so two nodes comparing one segment take turns and the second sees the first's members.
CREATE TABLE crm_automation_watch (
    tenant_id        VARCHAR(64)   NOT NULL,
    segment_id       UUID          NOT NULL,
    turns            BIGINT        NOT NULL,
    PRIMARY KEY (tenant_id, segment_id)
) ${table_options};
CREATE TABLE crm_automation_member (
    tenant_id        VARCHAR(64)   NOT NULL,
    segment_id       UUID          NOT NULL,
    member_id        UUID          NOT NULL,
    PRIMARY KEY (tenant_id, segment_id, member_id)
) ${table_options};
