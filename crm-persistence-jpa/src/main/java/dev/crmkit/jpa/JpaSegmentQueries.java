package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentQueries;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.sharing.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Segment membership evaluated in the database: one count and one page query built by {@link SegmentSql}. */
final class JpaSegmentQueries implements SegmentQueries {
    private final JpaTx tx;

    JpaSegmentQueries(JpaTx tx) {
        this.tx = tx;
    }

    @Override
    public Page<EntityId> members(SegmentTarget target, Criteria criteria, Visibility visibility, PageRequest page) {
        long total = count(target, criteria, visibility);
        if (total <= page.offset()) {
            return new Page<>(List.of(), page, total);
        }
        String order = " order by r.created_at, r.id";
        List<EntityId> items = query("select r.id", target, criteria, visibility, order, UUID.class)
                .setFirstResult((int) page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(id -> id(target, id)).toList();
        return new Page<>(items, page, total);
    }

    @Override
    public long count(SegmentTarget target, Criteria criteria, Visibility visibility) {
        return query("select count(*)", target, criteria, visibility, "", Long.class).getSingleResult();
    }

    @Override
    public boolean matches(SegmentTarget target, EntityId id, Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("record", id.value());
        return query("select count(*)", target, criteria, "", Long.class, " and r.id = :record", params)
                .getSingleResult() > 0;
    }

    private <R> NativeQuery<R> query(String select, SegmentTarget target, Criteria criteria, Visibility visibility,
                                     String order, Class<R> type) {
        Map<String, Object> params = new LinkedHashMap<>();
        String seen = switch (target) {
            case LEAD -> SeenBy.Native.lead(visibility, params);
            case CONTACT -> SeenBy.Native.ofAccount(visibility, params);
            case ACCOUNT -> SeenBy.Native.account(visibility, params);
        };
        return query(select, target, criteria, order, type, seen, params);
    }

    private <R> NativeQuery<R> query(String select, SegmentTarget target, Criteria criteria, String order,
                                        Class<R> type, String narrow, Map<String, Object> params) {
        String where = "(" + SegmentSql.where(target, criteria, params) + ")" + narrow;
        String scope = "r.tenant_id = :tenant";
        if (target == SegmentTarget.LEAD) {
            // Merged and spam leads are no segment's members.
            scope += " and r.status <> :merged and r.spam = false";
            params.put("merged", LeadStatus.MERGED.name());
        }
        params.put("tenant", tx.tenantId());
        NativeQuery<R> q = tx.session().createNativeQuery(select + " from " + SegmentSql.table(target)
                + " r where " + scope + " and " + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    private static EntityId id(SegmentTarget target, UUID id) {
        return switch (target) {
            case LEAD -> LeadId.of(id);
            case CONTACT -> ContactId.of(id);
            case ACCOUNT -> AccountId.of(id);
        };
    }
}
