-- Tasks, teams, calendar events and segments. Same conventions as V1: (tenant_id, id) keys, every secondary index
-- starting with tenant_id, collections as JSON text with the looked-up values mirrored into narrow key tables.

CREATE TABLE crm_task (
    tenant_id         VARCHAR(64)   NOT NULL,
    id                UUID          NOT NULL,
    version           BIGINT        NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    description       ${text},
    subject_kind      VARCHAR(16),
    subject_id        UUID,
    priority          VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    due               ${instant},
    remind_at         ${instant},
    reminder_fired_at ${instant},
    -- remind_at while the reminder is pending (open task, not yet fired), else null: the reminder sweep's index.
    pending_remind_at ${instant},
    assignee_id       VARCHAR(128)  NOT NULL,
    created_by        VARCHAR(128)  NOT NULL,
    follow_up_of      UUID,
    created_at        ${instant}    NOT NULL,
    updated_at        ${instant}    NOT NULL,
    closed_at         ${instant},
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_task_assignee ON crm_task (tenant_id, assignee_id, status, due);
CREATE INDEX crm_task_subject ON crm_task (tenant_id, subject_kind, subject_id, created_at);
CREATE INDEX crm_task_pending_reminder ON crm_task (tenant_id, pending_remind_at);

CREATE TABLE crm_team (
    tenant_id  VARCHAR(64)   NOT NULL,
    id         UUID          NOT NULL,
    version    BIGINT        NOT NULL,
    name       VARCHAR(1000) NOT NULL,
    manager_id VARCHAR(128)  NOT NULL,
    members    ${text},
    created_at ${instant}    NOT NULL,
    updated_at ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_team_manager ON crm_team (tenant_id, manager_id);

CREATE TABLE crm_team_member (
    tenant_id VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(128) NOT NULL,
    team_id   UUID         NOT NULL,
    PRIMARY KEY (tenant_id, user_id, team_id)
) ${table_options};
CREATE INDEX crm_team_member_team ON crm_team_member (tenant_id, team_id);

CREATE TABLE crm_calendar_event (
    tenant_id    VARCHAR(64)   NOT NULL,
    id           UUID          NOT NULL,
    version      BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    location     VARCHAR(1000),
    start_at     ${instant}    NOT NULL,
    end_at       ${instant}    NOT NULL,
    organizer_id VARCHAR(128)  NOT NULL,
    attendees    ${text},
    contacts     ${text},
    subject_kind VARCHAR(16),
    subject_id   UUID,
    cancelled    BOOLEAN       NOT NULL,
    created_at   ${instant}    NOT NULL,
    updated_at   ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};
CREATE INDEX crm_calendar_event_subject ON crm_calendar_event (tenant_id, subject_kind, subject_id);

-- Everyone involved in an event (organizer and attendees) with the event's time, so "a user's events in a window"
-- is a range scan of one index.
CREATE TABLE crm_calendar_user (
    tenant_id VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(128) NOT NULL,
    event_id  UUID         NOT NULL,
    start_at  ${instant}   NOT NULL,
    end_at    ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, user_id, event_id)
) ${table_options};
CREATE INDEX crm_calendar_user_window ON crm_calendar_user (tenant_id, user_id, start_at, end_at);
CREATE INDEX crm_calendar_user_event ON crm_calendar_user (tenant_id, event_id);

CREATE TABLE crm_calendar_contact (
    tenant_id  VARCHAR(64) NOT NULL,
    contact_id VARCHAR(36) NOT NULL,
    event_id   UUID        NOT NULL,
    PRIMARY KEY (tenant_id, contact_id, event_id)
) ${table_options};
CREATE INDEX crm_calendar_contact_event ON crm_calendar_contact (tenant_id, event_id);

CREATE TABLE crm_segment (
    tenant_id  VARCHAR(64)  NOT NULL,
    id         UUID         NOT NULL,
    version    BIGINT       NOT NULL,
    name       VARCHAR(1000) NOT NULL,
    name_key   VARCHAR(600) ${binary_collation} NOT NULL,
    target     VARCHAR(16)  NOT NULL,
    criteria   ${text}      NOT NULL,
    owner_id   VARCHAR(128) NOT NULL,
    created_at ${instant}   NOT NULL,
    updated_at ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_segment_name_key UNIQUE (tenant_id, name_key)
) ${table_options};

-- Account tags as a key table like the lead and contact ones, for segment conditions on tags. Rows are written by
-- the account repository; those of accounts stored before this version are filled in by AccountTagBackfill (4.1).
CREATE TABLE crm_account_tag (
    tenant_id  VARCHAR(64)  NOT NULL,
    tag        VARCHAR(255) NOT NULL,
    account_id UUID         NOT NULL,
    PRIMARY KEY (tenant_id, tag, account_id)
) ${table_options};
CREATE INDEX crm_account_tag_account ON crm_account_tag (tenant_id, account_id);
