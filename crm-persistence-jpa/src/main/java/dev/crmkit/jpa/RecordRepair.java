package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CalendarEventId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.CaseId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.OrderId;
import dev.crmkit.core.common.ProductId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.QuoteId;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.service.ArticleId;
import dev.crmkit.core.storage.StorageTx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The administrator's way out when a stored row no longer loads (a JSON column a newer parser refuses, an enum
 * constant that was renamed, a row written by hand): {@link #broken} lists such records of a tenant by kind and id,
 * with the type of the failure but never a value; {@link #reset} puts one of a few known columns back to its empty
 * default, and {@link #delete} removes the record with its key rows. Both work on the raw row with plain SQL, so they
 * succeed exactly where loading fails, and one bad row can never lock a tenant out. Obtained from
 * {@link JpaStorage#repair()}; meant for an operator's console, not for application code.
 */
public final class RecordRepair {
    /** The kinds of record {@link #broken} checks, each with its table, its key tables and its resettable columns. */
    public enum Kind {
        LEAD("crm_lead", (tx, id) -> tx.leads().find(LeadId.of(id)),
                Map.of("custom_fields", "{}", "tags", "[]", "visitor_ids", "[]", "duplicates", "[]",
                        "history", "[]"),
                Map.of("tags", "crm_lead_tag", "visitor_ids", "crm_lead_visitor"), "lead_id",
                "crm_lead_tag", "crm_lead_visitor"),
        ACCOUNT("crm_account", (tx, id) -> tx.accounts().find(AccountId.of(id)), Map.of("tags", "[]"),
                Map.of("tags", "crm_account_tag"), "account_id", "crm_account_tag", "crm_account_team_member"),
        CONTACT("crm_contact", (tx, id) -> tx.contacts().find(ContactId.of(id)), Map.of("tags", "[]", "roles", "[]"),
                Map.of("tags", "crm_contact_tag"), "contact_id", "crm_contact_tag"),
        PURCHASE("crm_purchase", (tx, id) -> tx.purchases().find(PurchaseId.of(id)), Map.of(), Map.of(), null),
        FEEDBACK("crm_feedback", (tx, id) -> tx.feedback().find(FeedbackId.of(id)), Map.of(), Map.of(), null),
        CAMPAIGN("crm_campaign", (tx, id) -> tx.campaigns().find(CampaignId.of(id)), Map.of(), Map.of(), null),
        AD("crm_ad", (tx, id) -> tx.ads().find(AdId.of(id)), Map.of(), Map.of(), null),
        AFFILIATE("crm_affiliate", (tx, id) -> tx.affiliates().find(AffiliateId.of(id)), Map.of(), Map.of(), null),
        TOUCHPOINT("crm_touchpoint", (tx, id) -> tx.touchpoints().find(TouchpointId.of(id)), Map.of(), Map.of(),
                null),
        OPPORTUNITY("crm_opportunity", (tx, id) -> tx.opportunities().find(OpportunityId.of(id)),
                Map.of("history", "[]"), Map.of(), null),
        PRODUCT("crm_product", (tx, id) -> tx.products().find(ProductId.of(id)), Map.of(), Map.of(), null),
        QUOTE("crm_quote", (tx, id) -> tx.quotes().find(QuoteId.of(id)), Map.of("history", "[]"), Map.of(), null),
        ORDER("crm_order", (tx, id) -> tx.orders().find(OrderId.of(id)), Map.of("history", "[]"), Map.of(), null),
        TASK("crm_task", (tx, id) -> tx.tasks().find(TaskId.of(id)), Map.of(), Map.of(), null),
        CALENDAR_EVENT("crm_calendar_event", (tx, id) -> tx.calendarEvents().find(CalendarEventId.of(id)), Map.of(),
                Map.of(), "event_id", "crm_calendar_contact", "crm_calendar_user"),
        SEGMENT("crm_segment", (tx, id) -> tx.segments().find(SegmentId.of(id)), Map.of(), Map.of(), null),
        CASE("crm_case", (tx, id) -> tx.cases().find(CaseId.of(id)), Map.of("comments", "[]", "history", "[]"),
                Map.of(), "case_id", "crm_case_article"),
        ARTICLE("crm_article", (tx, id) -> tx.articles().find(ArticleId.of(id)), Map.of(), Map.of(), "article_id",
                "crm_article_product", "crm_article_term");

        private final String table;
        private final BiConsumer<StorageTx, UUID> load;
        private final Map<String, String> resettable;
        private final Map<String, String> mirroredIn;
        private final String keyColumn;
        private final List<String> keyTables;

        Kind(String table, BiConsumer<StorageTx, UUID> load, Map<String, String> resettable,
             Map<String, String> mirroredIn, String keyColumn, String... keyTables) {
            this.table = table;
            this.load = load;
            this.resettable = resettable;
            this.mirroredIn = mirroredIn;
            this.keyColumn = keyColumn;
            this.keyTables = List.of(keyTables);
        }

        /** The columns {@link #reset} accepts for this kind: JSON collections, reset to empty. */
        public java.util.Set<String> resettableColumns() {
            return resettable.keySet();
        }
    }

    /**
     * A record that does not load.
     *
     * @param problem the failure's exception types, outermost first (e.g. {@code StorageException <-
     *                StreamConstraintsException}): the messages are left out, as they may quote the stored value
     */
    public record BrokenRecord(Kind kind, UUID id, String problem) {
    }

    private final JpaStorage storage;
    private final DataSource dataSource;
    private final Database database;

    RecordRepair(JpaStorage storage, DataSource dataSource, Database database) {
        this.storage = storage;
        this.dataSource = dataSource;
        this.database = database;
    }

    /** Every record of {@code tenant} that fails to load, kind by kind; loads each record on its own. */
    public List<BrokenRecord> broken(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        List<BrokenRecord> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (UUID id : ids(tenant, kind)) {
                try {
                    storage.read(tenant, tx -> {
                        kind.load.accept(tx, id);
                        return null;
                    });
                } catch (RuntimeException e) {
                    out.add(new BrokenRecord(kind, id, problem(e)));
                }
            }
        }
        return out;
    }

    /**
     * Sets {@code column} of the record to its empty default (an empty JSON collection), with the key rows that
     * mirror it; a {@link ValidationException} for a column {@link Kind#resettableColumns()} does not list, a
     * {@link dev.crmkit.core.common.NotFoundException} for an unknown record.
     */
    public void reset(TenantId tenant, Kind kind, UUID id, String column) {
        Objects.requireNonNull(tenant, "tenant");
        String value = kind.resettable.get(column);
        if (value == null) {
            throw new ValidationException("column", "not a resettable column of " + kind + ": "
                    + kind.resettableColumns());
        }
        inTransaction(c -> {
            // The column name comes from the fixed list above, never from the caller's text.
            int changed = update(c, "UPDATE " + kind.table + " SET " + column + " = ? WHERE tenant_id = ? AND id = ?",
                    value, tenant, id);
            requireFound(changed, kind, id);
            String mirror = kind.mirroredIn.get(column);
            if (mirror != null) {
                update(c, "DELETE FROM " + mirror + " WHERE tenant_id = ? AND " + kind.keyColumn + " = ?", null,
                        tenant, id);
            }
        });
    }

    /**
     * Deletes the record and its key rows; a {@link dev.crmkit.core.common.NotFoundException} if there is none. A
     * touchpoint's deletion also recomputes the tenant's touchpoint day totals (one pass over its touchpoints), so
     * marketing reports stop counting it.
     */
    public void delete(TenantId tenant, Kind kind, UUID id) {
        Objects.requireNonNull(tenant, "tenant");
        inTransaction(c -> {
            for (String keys : kind.keyTables) {
                update(c, "DELETE FROM " + keys + " WHERE tenant_id = ? AND " + kind.keyColumn + " = ?", null,
                        tenant, id);
            }
            requireFound(update(c, "DELETE FROM " + kind.table + " WHERE tenant_id = ? AND id = ?", null, tenant,
                    id), kind, id);
            if (kind == Kind.TOUCHPOINT) {
                // its day's total still counts it, as it was before it broke: what was totalled is not known now
                TouchpointDayTotals.rebuild(c, tenant.value(), database);
            }
        });
    }

    /**
     * Recomputes the tenant's touchpoint day totals (what live marketing reports add up) from its stored touchpoints,
     * in one pass over them: after touchpoint rows were written or changed behind the CRM's back, or by nodes of a
     * CRMKit from before schema version 30 still running after the upgrade.
     */
    public void rebuildTouchpointTotals(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        inTransaction(c -> TouchpointDayTotals.rebuild(c, tenant.value(), database));
    }

    private static void requireFound(int rows, Kind kind, UUID id) {
        if (rows == 0) {
            throw new dev.crmkit.core.common.NotFoundException(kind.name(), id.toString());
        }
    }

    private static String problem(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
        }
        return b.toString();
    }

    private List<UUID> ids(TenantId tenant, Kind kind) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM " + kind.table + " WHERE tenant_id = ?")) {
            s.setString(1, tenant.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(UUID.fromString(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot list " + kind + " records: " + e.getMessage(), e);
        }
        return ids;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StorageException("repair failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} with the optional {@code value}, then the tenant and the id; returns the rows changed. */
    private int update(Connection c, String sql, String value, TenantId tenant, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                s.setString(i++, value);
            }
            s.setString(i++, tenant.value());
            JdbcParameters.uuid(s, i, id, database);
            return s.executeUpdate();
        }
    }
}
