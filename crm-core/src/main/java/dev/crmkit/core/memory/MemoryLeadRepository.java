package dev.crmkit.core.memory;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadRepository;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.sharing.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

final class MemoryLeadRepository extends MemoryRepository<LeadId, Lead> implements LeadRepository {
    static final Comparator<Lead> ORDER = Comparator.comparing(Lead::createdAt)
            .thenComparing(Lead::id);

    MemoryLeadRepository(MemoryTable<LeadId, Lead> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Lead> findByEmail(EmailAddress email) {
        return lookup("email", email.value(), ORDER);
    }

    @Override
    public List<Lead> findByPhone(PhoneNumber phone) {
        return lookup("phone", phone.value(), ORDER);
    }

    @Override
    public List<Lead> findByBlockingKeys(Collection<String> keys) {
        return byBlockingKeys(keys);
    }

    @Override
    public Map<String, List<LeadId>> blockOwners(Collection<String> keys) {
        return super.blockOwners(keys);
    }

    @Override
    public List<Lead> findWithin(GeoBox box) {
        return within(box, l -> GeoSearch.of(l.reach().address()), ORDER);
    }

    @Override
    public List<Lead> findByVisitorId(String visitorId) {
        return lookup("visitor", visitorId, ORDER);
    }

    @Override
    public List<Lead> findMergedInto(LeadId survivor) {
        return lookup("mergedInto", survivor, ORDER);
    }

    @Override
    public Page<Lead> search(LeadQuery query, Visibility visibility, PageRequest page) {
        tx.checkOpen();
        return Page.of(table.scan().filter(matcher(query)).filter(seenBy(visibility)).sorted(ORDER).toList(), page);
    }

    @Override
    public Map<String, Long> countBy(LeadQuery query, Visibility visibility, GroupField field) {
        tx.checkOpen();
        return table.scan().filter(matcher(query)).filter(seenBy(visibility))
                .collect(Collectors.groupingBy(l -> PersonFields.orEmpty(groupValue(l, field)), TreeMap::new,
                        Collectors.counting()));
    }

    private static @Nullable Object groupValue(Lead l, GroupField field) {
        return switch (field) {
            case STAGE -> "PROSPECT";
            case QUALIFICATION -> l.status();
            case OWNER -> l.owner();
            case COUNTRY -> l.reach().address() == null ? null : l.reach().address().country();
            case REGION -> l.reach().address() == null ? null : l.reach().address().region();
            case CITY -> l.reach().address() == null ? null : l.reach().address().city();
        };
    }

    /** The leads {@code visibility} sees. */
    Predicate<Lead> seenBy(Visibility visibility) {
        MemoryShareRepository shares = tx.shares();
        return l -> visibility.sees(l.id().value(), l.owner(), shares::isShared);
    }

    static Predicate<Lead> matcher(LeadQuery q) {
        return l -> (q.includeSpam() || !l.spam())
                && (q.statuses().isEmpty() ? l.status() != LeadStatus.MERGED : q.statuses().contains(l.status()))
                && (q.owner() == null || q.owner().equals(l.owner()))
                && PersonFields.matchesLocation(l.reach().address(), q.country(), q.region(), q.city())
                && (q.minScore() == null || l.score() >= q.minScore())
                && (q.tag() == null || l.tags().contains(q.tag()));
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Lead> visitor) {
        forEachBetween(Lead::createdAt, from, to, visitor);
    }
}
