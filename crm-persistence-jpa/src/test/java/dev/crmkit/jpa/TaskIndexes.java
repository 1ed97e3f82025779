package dev.crmkit.jpa;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every lookup of the task, team, calendar and segment repositories, and every table segment conditions probe, is
 * backed by an index (as in {@link SalesIndexes}): reminder sweeps by pending reminder time, open tasks per assignee
 * in due order, a user's events in a time window, tags / touchpoints / purchases per segment candidate.
 */
abstract class TaskIndexes {
    protected abstract TestDatabase database();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pending reminders due by a time | crm_task             | tenant_id pending_remind_at                | false
            open tasks fallen overdue       | crm_task             | tenant_id pending_overdue_at               | false
            open tasks of an assignee       | crm_task             | tenant_id assignee_id status due           | false
            tasks about a subject           | crm_task             | tenant_id subject_kind subject_id          | false
            teams by manager                | crm_team             | tenant_id manager_id                       | false
            teams of a member               | crm_team_member      | tenant_id user_id team_id                  | true
            a user's events in a window     | crm_calendar_user    | tenant_id user_id start_at end_at          | false
            events with a contact           | crm_calendar_contact | tenant_id contact_id event_id              | true
            events about a subject          | crm_calendar_event   | tenant_id subject_kind subject_id          | false
            segment by name                 | crm_segment          | tenant_id name_key                         | true
            account tags (segments)         | crm_account_tag      | tenant_id account_id                       | false
            lead tags (segments)            | crm_lead_tag         | tenant_id lead_id                          | false
            duplicate candidates by key     | crm_lead_match_key   | tenant_id match_key lead_id                | true
            a lead's blocking keys          | crm_lead_match_key   | tenant_id lead_id                          | false
            duplicate contacts by key       | crm_contact_match_key | tenant_id match_key contact_id            | true
            a contact's blocking keys       | crm_contact_match_key | tenant_id contact_id                      | false
            duplicate accounts by key       | crm_account_match_key | tenant_id match_key account_id            | true
            an account's blocking keys      | crm_account_match_key | tenant_id account_id                      | false
            contact tags (segments)         | crm_contact_tag      | tenant_id contact_id                       | false
            last activity of a lead         | crm_touchpoint       | tenant_id lead_id occurred_at              | false
            last activity of a contact      | crm_touchpoint       | tenant_id contact_id occurred_at           | false
            last activity of an account     | crm_touchpoint       | tenant_id account_id occurred_at           | false
            purchases of a contact          | crm_purchase         | tenant_id contact_id                       | false
            purchases of an account         | crm_purchase         | tenant_id account_id                       | false
            """)
    void lookupIsBackedByAnIndex(String lookup, String table, String columns, boolean unique) throws SQLException {
        TableIndexes.assertBacked(database(), lookup, table, columns, unique);
    }
}
