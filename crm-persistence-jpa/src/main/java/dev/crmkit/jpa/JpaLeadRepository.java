package dev.crmkit.jpa;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.BlockingKeys;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.sharing.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

final class JpaLeadRepository extends JpaRepository<LeadId, Lead, LeadEntity> implements LeadRepository {
    /** {@code r.createdAt, r.id} in Java. */
    private static final Comparator<Lead> IN_ORDER = Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);
    private static final String ORDER = "r.createdAt, r.id";
    private static final String VISITORS = "LeadVisitorRow";
    private static final String TAGS = "LeadTagRow";
    private static final String MATCH_KEYS = "LeadMatchKeyRow";
    /** The leads shared with the reader (parameter {@code :viewer}), as an uncorrelated subquery (hashed once). */
    private static final String SHARED = SeenBy.SHARED;

    JpaLeadRepository(JpaTx tx) {
        super(tx, LeadEntity.class);
    }

    @Override
    LeadEntity toRow(Lead lead) {
        return LeadMapper.toRow(lead);
    }

    @Override
    Lead toDomain(LeadEntity row) {
        return LeadMapper.toLead(row);
    }

    @Override
    void afterSave(Lead lead, boolean inserted) {
        KeyTables.replace(tx, VISITORS, lead.id().value(), lead.visitorIds(), inserted, LeadVisitorRow::new);
        KeyTables.replace(tx, TAGS, lead.id().value(), lead.tags(), inserted, LeadTagRow::new);
        KeyTables.replace(tx, MATCH_KEYS, lead.id().value(), BlockingKeys.of(lead), inserted, LeadMatchKeyRow::new);
    }

    /** New leads' match keys go in together (an import saves hundreds at a time); the rest as {@link #afterSave}. */
    @Override
    void afterSaveAll(List<Lead> leads) {
        Map<UUID, Set<String>> newKeys = new LinkedHashMap<>();
        for (Lead lead : leads) {
            boolean inserted = lead.version() == 0;
            KeyTables.replace(tx, VISITORS, lead.id().value(), lead.visitorIds(), inserted, LeadVisitorRow::new);
            KeyTables.replace(tx, TAGS, lead.id().value(), lead.tags(), inserted, LeadTagRow::new);
            if (inserted) {
                newKeys.put(lead.id().value(), BlockingKeys.of(lead));
            } else {
                KeyTables.replace(tx, MATCH_KEYS, lead.id().value(), BlockingKeys.of(lead), false,
                        LeadMatchKeyRow::new);
            }
        }
        tx.flush(); // the key rows Hibernate queued first, in the order they were made
        KeyTables.insertNew(tx, MATCH_KEYS, newKeys);
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
        return lookup("email", email.value(), ORDER);
    }

    @Override
    public List<Lead> findMergedInto(LeadId survivor) {
        return lookup("mergedInto", survivor.value(), ORDER);
    }

    @Override
    public List<Lead> findByPhone(PhoneNumber phone) {
        return lookup("phone", phone.value(), ORDER);
    }

    /** The leads {@code ids} (matching's candidates, chosen from their key blocks). */
    List<Lead> candidates(Set<UUID> ids) {
        return byIds(ids, ORDER, IN_ORDER);
    }

    @Override
    public List<Lead> findByBlockingKeys(Collection<String> keys) {
        return byMatchKeys(MATCH_KEYS, keys, ORDER, IN_ORDER);
    }

    @Override
    public Map<String, List<LeadId>> blockOwners(Collection<String> keys) {
        return keyOwners(MATCH_KEYS, keys, LeadId::of);
    }

    /** Plain JDBC, a primary-key probe per lead: an import asks for the versions of thousands of candidates. */
    @Override
    public Map<LeadId, Long> versions(Collection<LeadId> ids) {
        Map<LeadId, Long> versions = new HashMap<>();
        JdbcLookup.select(tx, "id, version", "crm_lead", "id", ids.stream().map(LeadId::value).toList(), true,
                (rs, db) -> versions.put(LeadId.of(JdbcParameters.uuid(rs, 1, db)), rs.getLong(2)));
        return versions;
    }

    @Override
    public Map<EmailAddress, List<Lead>> findByEmails(Collection<EmailAddress> emails) {
        return lookupAll("email", emails, EmailAddress::value, l -> l.reach().email(), ORDER);
    }

    @Override
    public Map<PhoneNumber, List<Lead>> findByPhones(Collection<PhoneNumber> phones) {
        return lookupAll("phone", phones, PhoneNumber::value, l -> l.reach().phone(), ORDER);
    }

    @Override
    public List<Lead> findWithin(GeoBox box) {
        return within(box, ORDER);
    }

    @Override
    public List<Lead> findByVisitorId(String visitorId) {
        return list(new Filter(tx.tenantId()).and(KeyTables.has(VISITORS, "visitor"), "visitor", visitorId), ORDER);
    }

    /** Two queries for any number of visitors: their key rows by the visitor index, then the leads by id. */
    @Override
    public Map<String, Lead> firstByVisitorIds(Collection<String> visitorIds) {
        List<String> all = List.copyOf(new LinkedHashSet<>(visitorIds));
        Map<String, List<LeadId>> owners = new HashMap<>();
        // Plain JDBC: a batch of clicks asks for a thousand visitors, and Hibernate translated and bound such an IN
        // list afresh on every call (a millisecond of CPU per batch, a tenth of a PostgreSQL ingestion's time).
        JdbcLookup.select(tx, "visitor_id, lead_id", "crm_lead_visitor", "visitor_id", all, false, (rs, db) ->
                owners.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(LeadId.of(JdbcParameters.uuid(rs,
                        2, db))));
        Map<LeadId, Lead> leads = findAll(owners.values().stream().flatMap(List::stream).distinct().toList());
        Map<String, Lead> first = new HashMap<>();
        owners.forEach((visitor, ids) -> ids.stream().map(leads::get).filter(Objects::nonNull)
                .min(Comparator.comparing(Lead::createdAt).thenComparing(Lead::id))
                .ifPresent(l -> first.put(visitor, l)));
        return first;
    }

    @Override
    public Page<Lead> search(LeadQuery query, Visibility visibility, PageRequest page) {
        if (visibility.all()) {
            return page(filter(query), ORDER, page);
        }
        // Pushed down, so that a page is a page of what the reader sees and its total counts only that. The page
        // reads in creation order and stops after it; the total is counted in two disjoint parts that indexes serve
        // (owner unassigned or among the reader's audience; shared with the reader and owned by someone else): one
        // count with the OR looked up the shares for every lead of the tenant, 1.7x the unfiltered page.
        List<String> audience = visibility.owners().stream().map(UserId::value).toList();
        String viewer = Objects.requireNonNull(visibility.viewer()).value();
        long total = count(filter(query).and("(r.ownerId is null or r.ownerId in :audience)", "audience", audience))
                + count(filter(query).and(SHARED + " and r.ownerId is not null and r.ownerId not in :audience",
                        "audience", audience).with("viewer", viewer));
        return page(seenBy(filter(query), visibility), ORDER, page, total);
    }

    /** {@code filter} narrowed to the leads {@code visibility} sees: unassigned, the audience's, or shared. */
    private static Filter seenBy(Filter filter, Visibility visibility) {
        if (visibility.all()) {
            return filter;
        }
        return filter.and("(r.ownerId is null or r.ownerId in :audience or " + SHARED + ")", "audience",
                visibility.owners().stream().map(UserId::value).toList())
                .with("viewer", Objects.requireNonNull(visibility.viewer()).value());
    }

    @Override
    public Map<String, Long> countBy(LeadQuery query, Visibility visibility, GroupField field) {
        Filter filter = seenBy(filter(query), visibility);
        return switch (field) {
            case STAGE -> {
                // Leads are all prospects; like in memory, no key at all when nothing matches.
                long n = count(filter);
                Map<String, Long> counts = new TreeMap<>();
                if (n > 0) {
                    counts.put("PROSPECT", n);
                }
                yield counts;
            }
            case QUALIFICATION -> countBy(filter, "r.status");
            case OWNER -> countBy(filter, "r.ownerId");
            case COUNTRY -> countBy(filter, "r.address.country");
            case REGION -> countBy(filter, "r.address.region");
            case CITY -> countBy(filter, "r.address.city");
        };
    }

    /** The same rules as the in-memory adapter's matcher: spam and merged leads are left out unless asked for. */
    private Filter filter(LeadQuery q) {
        Filter f = new Filter(tx.tenantId());
        if (!q.includeSpam()) {
            f.and("r.spam = false");
        }
        if (q.statuses().isEmpty()) {
            f.and("r.status <> :merged", "merged", LeadStatus.MERGED.name());
        } else {
            f.and("r.status in :statuses", "statuses", q.statuses().stream().map(Enum::name).toList());
        }
        return f.and("r.ownerId = :owner", "owner", Ids.user(q.owner()))
                .location(q.country(), q.region(), q.city())
                .and("r.score >= :minScore", "minScore", q.minScore())
                .and(KeyTables.has(TAGS, "tag"), "tag", q.tag());
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Lead> visitor) {
        forEachBetween("createdAt", from, to, visitor);
    }
}
