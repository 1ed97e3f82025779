package dev.crmkit.jpa;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sharing.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link Visibility} as JPQL conditions on the alias {@code r}, added to a query's filter so that a page is a page of
 * what the reader sees and its total counts only that (never a filtered page). Shares and an account's owner are
 * uncorrelated subqueries, which the databases evaluate once per query rather than once per row.
 */
final class SeenBy {
    /** Records shared with the reader: their id among the share rows naming {@code :viewer}. */
    static final String SHARED = "r.id in (select k.ownerId from ShareRow k where k.tenantId = :tenant"
            + " and k.keyValue = :viewer)";

    private SeenBy() {
    }

    /** {@code filter} narrowed to the accounts {@code v} sees: unassigned, the audience's, on their team, shared. */
    static Filter account(Filter filter, Visibility v) {
        if (v.all()) {
            return filter;
        }
        String teams = v.accounts().isEmpty() ? "" : " or r.id in :teamAccounts";
        return bind(filter.and("(r.ownerId is null or r.ownerId in :audience or " + SHARED + teams + ")"), v);
    }

    /**
     * {@code filter} narrowed to records {@code v} sees that belong to the account in {@code r.accountId}: the
     * audience's or shared with the reader; of no account and unassigned; or of an account the reader sees.
     */
    static Filter ofAccount(Filter filter, Visibility v) {
        if (v.all()) {
            return filter;
        }
        String teams = v.accounts().isEmpty() ? "" : " or r.accountId in :teamAccounts";
        return bind(filter.and("(r.ownerId in :audience or " + SHARED
                + " or (r.accountId is null and r.ownerId is null)"
                + " or r.accountId in (select a.id from AccountRow a where a.tenantId = :tenant"
                + " and (a.ownerId is null or a.ownerId in :audience))"
                + " or r.accountId in (select s.ownerId from ShareRow s where s.tenantId = :tenant"
                + " and s.keyValue = :viewer)" + teams + ")"), v);
    }

    private static Filter bind(Filter filter, Visibility v) {
        List<String> audience = v.owners().stream().map(UserId::value).toList();
        filter.with("audience", audience).with("viewer", Objects.requireNonNull(v.viewer()).value());
        return v.accounts().isEmpty() ? filter : filter.with("teamAccounts", List.copyOf(v.accounts()));
    }

    /** The same conditions in SQL on the alias {@code r} of the record's table, for native queries. */
    static final class Native {
        private static final String SHARED = " in (select s.record_id from crm_share s where s.tenant_id = :tenant"
                + " and s.user_id = :viewer)";

        private Native() {
        }

        /** " and (...)" narrowing leads to those {@code v} sees ("" for everything); binds into {@code params}. */
        static String lead(Visibility v, Map<String, Object> params) {
            return v.all() ? "" : bind(" and (r.owner_id is null or r.owner_id in (:audience) or r.id" + SHARED + ")",
                    v, params);
        }

        /** As {@link SeenBy#account}. */
        static String account(Visibility v, Map<String, Object> params) {
            if (v.all()) {
                return "";
            }
            String teams = v.accounts().isEmpty() ? "" : " or r.id in (:teamAccounts)";
            return bind(" and (r.owner_id is null or r.owner_id in (:audience) or r.id" + SHARED + teams + ")", v,
                    params);
        }

        /** As {@link SeenBy#ofAccount}. */
        static String ofAccount(Visibility v, Map<String, Object> params) {
            if (v.all()) {
                return "";
            }
            String teams = v.accounts().isEmpty() ? "" : " or r.account_id in (:teamAccounts)";
            return bind(" and (r.owner_id in (:audience) or r.id" + SHARED
                    + " or (r.account_id is null and r.owner_id is null)"
                    + " or r.account_id in (select a.id from crm_account a where a.tenant_id = :tenant"
                    + " and (a.owner_id is null or a.owner_id in (:audience)))"
                    + " or r.account_id" + SHARED + teams + ")", v, params);
        }

        private static String bind(String condition, Visibility v, Map<String, Object> params) {
            params.put("audience", v.owners().stream().map(UserId::value).toList());
            params.put("viewer", Objects.requireNonNull(v.viewer()).value());
            if (!v.accounts().isEmpty()) {
                params.put("teamAccounts", List.copyOf(v.accounts()));
            }
            return condition;
        }
    }

    /**
     * The same conditions for plain JDBC ({@code ?} binds appended to {@code binds} in order) on the fact tables of
     * reports, whose columns are qualified by an alias or the table's name.
     */
    static final class Jdbc {
        private final String tenant;
        private final Visibility v;
        private final List<Object> binds;

        /** Conditions of {@code tenant}'s records {@code v} sees, their binds appended to {@code binds}. */
        Jdbc(String tenant, Visibility v, List<Object> binds) {
            this.tenant = tenant;
            this.v = v;
            this.binds = binds;
        }

        /** Leads in {@code t}: unassigned, the audience's, or shared with the reader. */
        String lead(String t) {
            return "(" + t + ".owner_id is null or " + t + ".owner_id in (" + audience() + ") or " + t + ".id"
                    + shared() + ")";
        }

        /** Records in {@code t} belonging to an account: as {@link SeenBy#ofAccount}. */
        String ofAccount(String t) {
            return "(" + t + ".owner_id in (" + audience() + ") or " + t + ".id" + shared()
                    + " or (" + t + ".account_id is null and " + t + ".owner_id is null) or " + t + ".account_id in "
                    + accounts() + ")";
        }

        /** Purchases in {@code t}: of an account seen; of no account, of a contact seen. */
        String purchase(String t) {
            String accounts = accounts();
            binds.add(tenant);
            return "(" + t + ".account_id in " + accounts + " or (" + t + ".account_id is null and " + t
                    + ".contact_id in (select c.id from crm_contact c where c.tenant_id = ? and " + ofAccount("c")
                    + ")))";
        }

        /** Tasks in {@code t} assigned to or created by someone of the audience. */
        String task(String t) {
            String audience = audience();
            return "(" + t + ".assignee_id in (" + audience + ") or " + t + ".created_by in (" + audience() + "))";
        }

        /** "(select ...)": the accounts seen, as a subquery. */
        private String accounts() {
            binds.add(tenant);
            String sql = "(select a.id from crm_account a where a.tenant_id = ? and (a.owner_id is null"
                    + " or a.owner_id in (" + audience() + ") or a.id" + shared();
            if (!v.accounts().isEmpty()) {
                StringBuilder marks = new StringBuilder();
                for (UUID account : v.accounts()) {
                    marks.append(marks.isEmpty() ? "?" : ", ?");
                    binds.add(account);
                }
                sql += " or a.id in (" + marks + ")";
            }
            return sql + "))";
        }

        private String audience() {
            StringBuilder marks = new StringBuilder();
            for (UserId user : v.owners()) {
                marks.append(marks.isEmpty() ? "?" : ", ?");
                binds.add(user.value());
            }
            return marks.toString();
        }

        private String shared() {
            binds.add(tenant);
            binds.add(Objects.requireNonNull(v.viewer()).value());
            return " in (select s.record_id from crm_share s where s.tenant_id = ? and s.user_id = ?)";
        }
    }
}
