package dev.crmkit.core.segment;

import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.sharing.Visibility;

/**
 * Storage port that evaluates criteria where the data lives. Callers pass criteria already
 * {@link Criteria#validate validated} for the target. Members are ordered by creation time, then id; ids are
 * {@code LeadId}, {@code ContactId} or {@code AccountId} by target. Which records a target covers: see
 * {@link SegmentTarget}.
 *
 * <p>Semantics every adapter must keep (the membership property in the crm-core test-jar checks them):
 * <ul>
 * <li>AND / OR / NOT are two-valued: a comparison on a field without a value is false, and NOT of it true. SQL must
 * guard comparisons on nullable columns, e.g. {@code (owner IS NOT NULL AND owner <> ?)} for NE, so that
 * {@code NOT} does not meet SQL's unknown.</li>
 * <li>TEXT fields (country, region, city) compare ignoring case: {@code lower(col) = ?} with the lower-cased value
 * {@link SegmentField#parse} gives. An empty TAGS set is "no value".</li>
 * <li>{@code lastActivity} is the latest {@code occurredAt} of the touchpoints linked to the lead / contact /
 * account ({@code SELECT max(occurred_at) FROM touchpoint WHERE contact_id = c.id}).</li>
 * <li>{@code purchaseTotal} is the sum of quantity × unit price of the contact's / account's purchases in the
 * value's currency, 0 when there are none: {@code COALESCE((SELECT sum(quantity * unit_amount) FROM purchase
 * WHERE account_id = a.id AND currency = ?), 0)}.</li>
 * </ul>
 * The in-memory adapter computes these aggregates per candidate with index lookups; a SQL adapter uses correlated
 * subqueries (or joins to grouped subqueries) backed by the touchpoint and purchase foreign-key indexes.
 */
public interface SegmentQueries {
    /** One page of the target's records matching {@code criteria}. */
    default Page<EntityId> members(SegmentTarget target, Criteria criteria, PageRequest page) {
        return members(target, criteria, Visibility.everything(), page);
    }

    /**
     * One page of the target's records matching {@code criteria} that {@code visibility} sees: filtered before paging,
     * so the page and its total count only those.
     */
    Page<EntityId> members(SegmentTarget target, Criteria criteria, Visibility visibility, PageRequest page);

    /** How many of the target's records match {@code criteria}. */
    default long count(SegmentTarget target, Criteria criteria) {
        return count(target, criteria, Visibility.everything());
    }

    /** How many of the target's records that {@code visibility} sees match {@code criteria}. */
    long count(SegmentTarget target, Criteria criteria, Visibility visibility);

    /** Whether the record {@code id} is among the target's records matching {@code criteria}. */
    boolean matches(SegmentTarget target, EntityId id, Criteria criteria);
}
