package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.PeopleDirectory;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.customer.Person;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.tracking.TrackedPeople;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports lower packages declare for leads ({@link TrackedPeople} for tracking, {@link PeopleDirectory} for
 * contacts), over one storage transaction. Handed out by {@code LeadTx}; not for hosts.
 */
public final class LeadPeople implements TrackedPeople, PeopleDirectory {
    private final LeadTx tx;
    /** Leads read through {@link #get}, so {@link #addVisitor} saves the version it read without reading again. */
    private final Map<LeadId, Lead> read = new HashMap<>();
    /** Longest chain of merges followed to a survivor; a longer one is left at its last link. */
    private static final int MAX_MERGE_HOPS = 64;

    public LeadPeople(LeadTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<TrackedLead> lead(LeadId id) {
        return tx.leads().find(id).map(LeadPeople::tracked);
    }

    @Override
    public Map<LeadId, TrackedLead> leads(Collection<LeadId> ids) {
        Map<LeadId, TrackedLead> found = new HashMap<>();
        tx.leads().findAll(ids).forEach((id, l) -> found.put(id, tracked(l)));
        return found;
    }

    @Override
    public Map<String, TrackedLead> leadsOfVisitors(Collection<String> visitorIds) {
        Map<String, TrackedLead> found = new HashMap<>();
        tx.leads().firstByVisitorIds(visitorIds).forEach((visitor, l) -> found.put(visitor, tracked(l)));
        return found;
    }

    @Override
    public TrackedLead get(LeadId id) {
        Lead l = tx.leads().get(id);
        // A merged lead lives on in its survivor (a merge may be merged again): what comes to it goes there.
        for (int hops = 0; l.outcome().mergedInto() != null && hops < MAX_MERGE_HOPS; hops++) {
            l = tx.leads().get(l.outcome().mergedInto());
        }
        read.put(l.id(), l);
        return tracked(l);
    }

    @Override
    public Optional<TrackedLead> leadOfVisitor(String visitorId) {
        return tx.leads().findByVisitorId(visitorId).stream().findFirst().map(LeadPeople::tracked);
    }

    @Override
    public Optional<Optional<AccountId>> accountOfContact(ContactId id) {
        return tx.contacts().find(id).map(Contact::account).map(Optional::ofNullable);
    }

    @Override
    public boolean accountExists(AccountId id) {
        return tx.accounts().find(id).isPresent();
    }

    @Override
    public void addVisitor(LeadId id, String visitorId, Instant now) {
        Lead l = read.containsKey(id) ? read.get(id) : tx.leads().get(id);
        if (!l.visitorIds().contains(visitorId)) {
            Set<String> visitors = new HashSet<>(l.visitorIds());
            visitors.add(visitorId);
            tx.leads().save(l.withVisitorIds(visitors, now));
        }
    }

    @Override
    public Page<Person> page(CrmContext<?> reader, PeopleQuery query, PageRequest page) {
        return PeopleSearch.of(query).page(tx, Audience.of(reader, tx, "Lead"), Audience.of(reader, tx, "Contact"),
                page);
    }

    @Override
    public Map<String, Long> countBy(CrmContext<?> reader, PeopleQuery query, GroupField field) {
        return PeopleSearch.of(query).countBy(tx, Audience.of(reader, tx, "Lead"),
                Audience.of(reader, tx, "Contact"), field);
    }

    private static TrackedLead tracked(Lead l) {
        return new TrackedLead(l.id(), l.outcome().convertedContact(), l.outcome().convertedAccount());
    }
}
