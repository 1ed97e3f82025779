package dev.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.audit.AuditAction;
import dev.crmkit.core.audit.AuditEntry;
import dev.crmkit.core.automation.RuleDefinition;
import dev.crmkit.core.automation.RuleRun;
import dev.crmkit.core.automation.RunOutcome;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.customer.AgeBand;
import dev.crmkit.core.customer.CompanySize;
import dev.crmkit.core.customer.CustomerLimits;
import dev.crmkit.core.customer.Gender;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.document.Document;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.email.ConsentAction;
import dev.crmkit.core.email.ConsentStatus;
import dev.crmkit.core.email.EmailKind;
import dev.crmkit.core.email.EmailLimits;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.email.SentEmailId;
import dev.crmkit.core.email.SentEmailStatus;
import dev.crmkit.core.email.SuppressionReason;
import dev.crmkit.core.events.EventTypes;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.LeadLimits;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.nurture.EnrollmentStatus;
import dev.crmkit.core.nurture.ExitReason;
import dev.crmkit.core.nurture.SequenceDefinition;
import dev.crmkit.core.sales.ForecastCategory;
import dev.crmkit.core.sales.OpportunityStatus;
import dev.crmkit.core.sales.OrderStatus;
import dev.crmkit.core.sales.QuoteStatus;
import dev.crmkit.core.sales.SalesLimits;
import dev.crmkit.core.segment.SegmentLimits;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.service.ArticleStatus;
import dev.crmkit.core.service.CaseKind;
import dev.crmkit.core.service.CasePriority;
import dev.crmkit.core.service.CaseStatus;
import dev.crmkit.core.service.ServiceLimits;
import dev.crmkit.core.spi.Leases;
import dev.crmkit.core.spi.OutboxEntry;
import dev.crmkit.core.spi.Sequences;
import dev.crmkit.core.task.CalendarEventKind;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.task.TaskLimits;
import dev.crmkit.core.task.TaskPriority;
import dev.crmkit.core.task.TaskStatus;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackingLimits;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.SavedMapping;
import dev.crmkit.core.webhook.WebhookDeliveryStatus;
import dev.crmkit.core.webhook.WebhookLimits;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema's text columns are exactly as wide as the limits crm-core validates, as the database's own
 * metadata reports them, so a value the services accept always fits and the adapters cannot drift apart. Every
 * width-limited column of every table is accounted for: a new one fails here until its limit is named.
 */
abstract class ColumnWidths {
    /** Widths of text columns above this are unbounded text (TEXT, LONGTEXT, H2's CHARACTER VARYING). */
    private static final int UNBOUNDED = 100_000;

    protected abstract TestDatabase database();

    /** Columns whose width is a domain limit: the column must be exactly that wide. */
    private static Map<String, Integer> exact() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String table : new String[] {"crm_lead", "crm_contact"}) {
            m.put(table + ".email", EmailAddress.MAX_LENGTH);
            m.put(table + ".phone", PhoneNumber.MAX_LENGTH);
        }
        m.put("crm_contact.name_key", MatchKeys.MAX_LENGTH);
        for (String table : new String[] {"crm_lead", "crm_account", "crm_contact"}) {
            m.put(table + ".address_street", Address.MAX_LINE);
            m.put(table + ".address_city", Address.MAX_LINE);
            m.put(table + ".address_region", Address.MAX_LINE);
            m.put(table + ".address_postal_code", Address.MAX_POSTAL_CODE);
            m.put(table + ".address_country", 2); // ISO 3166 alpha-2, checked by Address
        }
        m.put("crm_lead.first_name", LeadLimits.NAME);
        m.put("crm_lead.last_name", LeadLimits.NAME);
        m.put("crm_lead.company", LeadLimits.NAME);
        m.put("crm_lead.title", LeadLimits.NAME);
        m.put("crm_lead.unqualified_reason", LeadLimits.UNQUALIFIED_REASON);
        m.put("crm_lead_tag.tag", LeadLimits.TAG);
        m.put("crm_lead_visitor.visitor_id", TrackingLimits.VISITOR_ID);
        m.put("crm_lead_match_key.match_key", BlockingKeys.MAX_LENGTH);
        m.put("crm_contact_match_key.match_key", BlockingKeys.MAX_LENGTH);
        m.put("crm_account_match_key.match_key", BlockingKeys.MAX_LENGTH);
        m.put("crm_lead.unverified_phone", LeadLimits.UNVERIFIED_PHONE);

        m.put("crm_account.name", CustomerLimits.ACCOUNT_NAME);
        m.put("crm_account.industry", CustomerLimits.INDUSTRY);
        m.put("crm_account.website", CustomerLimits.WEBSITE);
        m.put("crm_account.name_key", MatchKeys.MAX_LENGTH);
        m.put("crm_account_tag.tag", CustomerLimits.TAG);
        m.put("crm_contact.first_name", CustomerLimits.PERSON_NAME);
        m.put("crm_contact.last_name", CustomerLimits.PERSON_NAME);
        m.put("crm_contact.title", CustomerLimits.PERSON_NAME);
        m.put("crm_contact_tag.tag", CustomerLimits.TAG);
        m.put("crm_purchase.product_code", CustomerLimits.PRODUCT);
        m.put("crm_purchase.product_name", CustomerLimits.PRODUCT);
        m.put("crm_purchase.order_reference", CustomerLimits.ORDER_REFERENCE);

        m.put("crm_campaign.name", TrackingLimits.NAME);
        m.put("crm_ad.name", TrackingLimits.NAME);
        m.put("crm_ad.tracking_code", TrackingLimits.TRACKING_CODE);
        m.put("crm_ad.landing_url", TrackingLimits.LANDING_URL);
        m.put("crm_affiliate.name", TrackingLimits.NAME);
        m.put("crm_affiliate.site_domain", TrackingLimits.SITE_DOMAIN);
        m.put("crm_affiliate.tracking_code", TrackingLimits.TRACKING_CODE);
        m.put("crm_touchpoint.external_event_id", TrackingLimits.EXTERNAL_EVENT_ID);
        m.put("crm_touchpoint.visitor_id", TrackingLimits.VISITOR_ID);
        m.put("crm_touchpoint.outcome", TrackingLimits.OUTCOME);
        m.put("crm_touchpoint.channel_reference", TrackingLimits.REFERENCE);

        m.put("crm_product.code", SalesLimits.PRODUCT_CODE);
        m.put("crm_quote.tax_rate", SalesLimits.TAX_RATE_TEXT);
        m.put("crm_order.tax_rate", SalesLimits.TAX_RATE_TEXT);
        m.put("crm_quote.special_instructions", SalesLimits.SPECIAL_INSTRUCTIONS);
        m.put("crm_order.special_instructions", SalesLimits.SPECIAL_INSTRUCTIONS);

        m.put("crm_team.name", TaskLimits.TEAM_NAME);
        m.put("crm_calendar_event.title", TaskLimits.EVENT_TITLE);
        m.put("crm_calendar_event.location", TaskLimits.EVENT_LOCATION);

        m.put("crm_article_product.product_code", ServiceLimits.PRODUCT_CODE);
        m.put("crm_product_info.product_code", ServiceLimits.PRODUCT_CODE);
        m.put("crm_article_term.term", JpaArticleRepository.MAX_TERM);
        m.put("crm_sequence.name", Sequences.MAX_NAME);
        m.put("crm_outbox.subscriber", OutboxEntry.MAX_SUBSCRIBER);
        m.put("crm_outbox.last_error", OutboxEntry.MAX_ERROR);
        m.put("crm_lease.name", Leases.MAX_NAME);
        m.put("crm_lease.holder", Leases.MAX_NAME);
        m.put("crm_webhook.url", WebhookLimits.URL);
        m.put("crm_webhook.secret", WebhookLimits.SECRET);
        m.put("crm_webhook.description", WebhookLimits.DESCRIPTION);
        m.put("crm_webhook.disabled_reason", WebhookLimits.DISABLED_REASON);
        m.put("crm_webhook_delivery.last_error", WebhookLimits.ERROR);
        m.put("crm_automation_rule.name", RuleDefinition.MAX_TEXT);
        m.put("crm_automation_run.rule_name", RuleDefinition.MAX_TEXT);
        m.put("crm_automation_run.error", RuleRun.MAX_ERROR);
        m.put("crm_nurture_sequence.name", SequenceDefinition.MAX_TEXT);
        m.put("crm_nurture_enrollment.step", SequenceDefinition.MAX_TEXT);
        m.put("crm_nurture_step.step", SequenceDefinition.MAX_TEXT);
        m.put("crm_email_template.name", EmailLimits.NAME);
        m.put("crm_email_template.subject", EmailLimits.SUBJECT);
        m.put("crm_email_recipient.email", EmailAddress.MAX_LENGTH);
        m.put("crm_email_consent_change.email", EmailAddress.MAX_LENGTH);
        m.put("crm_email_consent_change.source", EmailLimits.SOURCE);
        m.put("crm_email_sent.to_address", EmailAddress.MAX_LENGTH);
        m.put("crm_email_sent.subject", EmailLimits.SUBJECT);
        m.put("crm_email_sent.reason", EmailLimits.REASON);
        return m;
    }

    /**
     * Columns at least as wide as what is stored in them: stricter domain limits on columns made wider, values the
     * library writes itself (numbers, ISO codes, ids as text, time zones) and enum names.
     */
    private static Map<String, Integer> atLeast() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("crm_task.title", TaskLimits.TASK_TITLE);
        m.put("crm_segment.name", SegmentLimits.NAME);
        // Lower-casing at most doubles a name's length (U+0130 becomes two characters).
        m.put("crm_segment.name_key", 2 * SegmentLimits.NAME);
        // Q-<long>, O-<long>, <prefix of 10>-<year>-<long>.
        m.put("crm_quote.number", 2 + 19);
        m.put("crm_order.number", 2 + 19);
        m.put("crm_case.tracking_number", 10 + 1 + 4 + 1 + 19);
        m.put("crm_calendar_contact.contact_id", 36);
        m.put("crm_case_article.article_id", 36);
        // The longest ZoneId region id is 32 characters; LocalTime text is at most 18 (HH:mm:ss.nnnnnnnnn).
        m.put("crm_service_contract.hours_zone", 32);
        m.put("crm_service_contract.hours_opens", 18);
        m.put("crm_service_contract.hours_closes", 18);
        for (String column : new String[] {"crm_purchase.unit_price_currency", "crm_campaign.budget_currency",
                "crm_touchpoint.value_currency", "crm_touchpoint_day.currency", "crm_opportunity.amount_currency",
                "crm_price_book.currency",
                "crm_quote.currency", "crm_order.currency"}) {
            m.put(column, 3);
        }
        for (String column : new String[] {"crm_lead.owner_id", "crm_account.owner_id", "crm_contact.owner_id",
                "crm_touchpoint.rep_id", "crm_touchpoint_day.rep_id", "crm_opportunity.owner_id",
                "crm_quote.approved_by", "crm_quote.created_by",
                "crm_order.owner_id", "crm_account_team_member.user_id", "crm_task.assignee_id",
                "crm_task.created_by", "crm_team.manager_id", "crm_team_member.user_id",
                "crm_calendar_event.organizer_id", "crm_calendar_user.user_id", "crm_segment.owner_id",
                "crm_case.owner_id", "crm_article.author_id", "crm_document.created_by",
                "crm_import_mapping.saved_by"}) {
            m.put(column, UserId.MAX_LENGTH);
        }
        enumColumn(m, "crm_lead.source", LeadSource.class);
        enumColumn(m, "crm_lead.status", LeadStatus.class);
        enumColumn(m, "crm_account.company_size", CompanySize.class);
        enumColumn(m, "crm_account.stage", LifecycleStage.class);
        enumColumn(m, "crm_contact.stage", LifecycleStage.class);
        enumColumn(m, "crm_contact.age_band", AgeBand.class);
        enumColumn(m, "crm_contact.gender", Gender.class);
        enumColumn(m, "crm_feedback.channel", Channel.class);
        enumColumn(m, "crm_touchpoint.direction", Direction.class);
        enumColumn(m, "crm_campaign.channel", Channel.class);
        enumColumn(m, "crm_touchpoint.kind", TouchpointKind.class);
        enumColumn(m, "crm_touchpoint.channel", Channel.class);
        enumColumn(m, "crm_touchpoint_day.kind", TouchpointKind.class);
        enumColumn(m, "crm_touchpoint_day.channel", Channel.class);
        enumColumn(m, "crm_opportunity.category", ForecastCategory.class);
        enumColumn(m, "crm_opportunity.status", OpportunityStatus.class);
        enumColumn(m, "crm_quote.status", QuoteStatus.class);
        enumColumn(m, "crm_order.status", OrderStatus.class);
        enumColumn(m, "crm_task.subject_kind", Subject.Kind.class);
        enumColumn(m, "crm_document.owner_kind", DocumentOwner.Kind.class);
        m.put("crm_document.name", Document.MAX_NAME);
        m.put("crm_document.media_type", Document.MAX_MEDIA_TYPE);
        m.put("crm_document.sha256", 64);
        m.put("crm_document_chunk.content_key", UUID.randomUUID().toString().length());
        m.put("crm_import_row.row_key", 64); // hex SHA-256
        enumColumn(m, "crm_import_row.target", ImportTarget.class);
        m.put("crm_import_mapping.name", SavedMapping.MAX_NAME);
        enumColumn(m, "crm_import_mapping.target", ImportTarget.class);
        enumColumn(m, "crm_task.priority", TaskPriority.class);
        enumColumn(m, "crm_task.status", TaskStatus.class);
        enumColumn(m, "crm_calendar_event.kind", CalendarEventKind.class);
        enumColumn(m, "crm_calendar_event.subject_kind", Subject.Kind.class);
        enumColumn(m, "crm_segment.target", SegmentTarget.class);
        enumColumn(m, "crm_case.kind", CaseKind.class);
        enumColumn(m, "crm_case.priority", CasePriority.class);
        enumColumn(m, "crm_case.channel", Channel.class);
        enumColumn(m, "crm_case.status", CaseStatus.class);
        enumColumn(m, "crm_article.status", ArticleStatus.class);
        m.put("crm_outbox.status", "DELIVERED".length());
        m.put("crm_outbox.event_type", EventTypes.names().stream().mapToInt(String::length).max().orElseThrow());
        m.put("crm_outbox.aggregate_type", EventTypes.names().stream().mapToInt(String::length).max().orElseThrow());
        m.put("crm_outbox.aggregate_id", UUID.randomUUID().toString().length());
        m.put("crm_outbox.lease_owner", ("node-" + UUID.randomUUID()).length());
        m.put("crm_webhook_delivery.event_type",
                EventTypes.names().stream().mapToInt(String::length).max().orElseThrow());
        enumColumn(m, "crm_webhook_delivery.status", WebhookDeliveryStatus.class);
        int longestEventType = EventTypes.names().stream().mapToInt(String::length).max().orElseThrow();
        for (String table : new String[] {"crm_automation_run", "crm_automation_due"}) {
            m.put(table + ".event_type", longestEventType);
            // The kind of record an event is about is an aggregate's name, never longer than its events' names.
            m.put(table + ".record_type", longestEventType);
            m.put(table + ".record_id", UUID.randomUUID().toString().length());
        }
        m.put("crm_automation_rule.event_type", longestEventType);
        enumColumn(m, "crm_automation_run.outcome", RunOutcome.class);
        enumColumn(m, "crm_nurture_enrollment.status", EnrollmentStatus.class);
        enumColumn(m, "crm_nurture_enrollment.exit_reason", ExitReason.class);
        // "<sequence id>/<lead id>"
        m.put("crm_nurture_enrollment.open_key", 36 + 1 + 36);
        m.put("crm_nurture_step.click_prefix",
                EmailService.clickEventPrefix(SentEmailId.of(UUID.randomUUID())).length());
        enumColumn(m, "crm_email_template.kind", EmailKind.class);
        enumColumn(m, "crm_email_recipient.status", ConsentStatus.class);
        enumColumn(m, "crm_email_recipient.basis", LawfulBasis.class);
        enumColumn(m, "crm_email_recipient.suppressed", SuppressionReason.class);
        m.put("crm_email_recipient.opt_in_nonce", 64); // SHA-256 in hex
        m.put("crm_email_recipient.time_zone", 32); // the longest zone id is 32 characters
        enumColumn(m, "crm_email_consent_change.change_action", ConsentAction.class);
        enumColumn(m, "crm_email_consent_change.basis", LawfulBasis.class);
        enumColumn(m, "crm_email_sent.kind", EmailKind.class);
        enumColumn(m, "crm_email_sent.status", SentEmailStatus.class);
        m.put("crm_audit.record_type", AuditEntry.MAX_TYPE);
        m.put("crm_audit.api_operation", AuditEntry.MAX_OPERATION);
        m.put("crm_audit.actor", UserId.MAX_LENGTH);
        m.put("crm_share.user_id", UserId.MAX_LENGTH);
        m.put("crm_share.shared_by", UserId.MAX_LENGTH);
        enumColumn(m, "crm_audit.audit_action", AuditAction.class);
        enumColumn(m, "crm_consent.purpose", ConsentPurpose.class);
        enumColumn(m, "crm_consent_state.purpose", ConsentPurpose.class);
        enumColumn(m, "crm_consent.basis", LawfulBasis.class);
        m.put("crm_consent.source", ConsentRecord.MAX_SOURCE);
        m.put("crm_consent.proof", ConsentRecord.MAX_PROOF);
        m.put("crm_consent.recorded_by", UserId.MAX_LENGTH);
        return m;
    }

    /** A column holding the names of {@code type}'s constants must fit the longest. */
    private static void enumColumn(Map<String, Integer> m, String column, Class<? extends Enum<?>> type) {
        m.put(column, Arrays.stream(type.getEnumConstants()).mapToInt(e -> e.name().length()).max().orElseThrow());
    }

    @Test
    void textColumnsAreAsWideAsTheDomainLimits() throws SQLException {
        Map<String, Integer> widths = widths();
        Map<String, Integer> exact = exact();
        Map<String, Integer> atLeast = atLeast();
        assertThat(widths).as("width-limited columns").isNotEmpty();
        widths.forEach((column, width) -> {
            if (column.endsWith(".tenant_id")) {
                assertThat(width).as(column).isEqualTo(TenantId.MAX_LENGTH);
            } else if (exact.containsKey(column)) {
                assertThat(width).as(column).isEqualTo(exact.get(column));
            } else {
                assertThat(atLeast).as("the limit of " + column + " (width " + width + ")").containsKey(column);
                assertThat(width).as(column).isGreaterThanOrEqualTo(atLeast.get(column));
            }
        });
        assertThat(widths.keySet()).as("columns named here").containsAll(exact.keySet()).containsAll(atLeast.keySet());
    }

    /**
     * Every exact-decimal column holds money, and holds exactly the amounts {@link Money} accepts: its precision and
     * scale are {@link Money#PRECISION} and {@link Money#SCALE}, so no amount is refused or rounded by one database
     * only.
     */
    @Test
    void moneyColumnsHoldExactlyTheAmountsMoneyAccepts() throws SQLException {
        Map<String, String> decimals = new TreeMap<>();
        try (Connection c = database().dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String prefix = meta.storesUpperCaseIdentifiers() ? "CRM" : "crm";
            String pattern = prefix + meta.getSearchStringEscape() + "_%";
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), pattern, "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == Types.DECIMAL || type == Types.NUMERIC) {
                        String column = rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME");
                        decimals.put(column.toLowerCase(Locale.ROOT),
                                rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS"));
                    }
                }
            }
        }
        String money = Money.PRECISION + "," + Money.SCALE;
        assertThat(decimals).containsOnly(Map.entry("crm_campaign.budget_amount", money),
                Map.entry("crm_opportunity.amount_amount", money), Map.entry("crm_purchase.unit_price_amount", money),
                Map.entry("crm_touchpoint.value_amount", money),
                // a sum of touchpoint values: the same decimals, room for the sum of any number of them
                Map.entry("crm_touchpoint_day.value_amount", "38," + Money.SCALE));
    }

    /** Every width-limited text column of the crm_ tables, as "table.column", with its width in characters. */
    private Map<String, Integer> widths() throws SQLException {
        Map<String, Integer> widths = new TreeMap<>();
        try (Connection c = database().dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String prefix = meta.storesUpperCaseIdentifiers() ? "CRM" : "crm";
            String pattern = prefix + meta.getSearchStringEscape() + "_%";
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), pattern, "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    int size = rs.getInt("COLUMN_SIZE");
                    boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR
                            || type == Types.NCHAR;
                    if (text && size < UNBOUNDED && !"uuid".equalsIgnoreCase(rs.getString("TYPE_NAME"))) {
                        widths.put((rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"))
                                .toLowerCase(Locale.ROOT), size);
                    }
                }
            }
        }
        return widths;
    }
}
