package dev.crmkit.jpa;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.sharing.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
