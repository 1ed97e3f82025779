package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Leads, contacts and accounts as tracking needs them: to check what a touchpoint names and to link a converted lead's
 * touchpoints to its contact and account. They live in packages above {@code tracking}, so the storage transaction
 * supplies this port ({@link TrackingTx#trackedPeople()}); the lead package implements it.
 */
public interface TrackedPeople {
    /** A lead as touchpoints link to it: its conversion's contact and account, or nulls. */
    record TrackedLead(LeadId id, @Nullable ContactId convertedContact, @Nullable AccountId convertedAccount) {
    }

    /** The lead {@code id}, or empty. */
    Optional<TrackedLead> lead(LeadId id);

    /** {@link #lead} for each of {@code ids}, by id, read together; unknown ids are left out. */
    default Map<LeadId, TrackedLead> leads(Collection<LeadId> ids) {
        Map<LeadId, TrackedLead> found = new HashMap<>();
        for (LeadId id : ids) {
            lead(id).ifPresent(l -> found.put(id, l));
        }
        return found;
    }

    /**
     * The lead {@code id} or, when it was merged, the lead it lives on in (its survivor); {@code NotFoundException}
     * when there is none.
     */
    TrackedLead get(LeadId id);

    /**
     * {@link #leadOfVisitor} for each of {@code visitorIds}, read together; visitors of no lead are left out. An id
     * may be named more than once.
     */
    default Map<String, TrackedLead> leadsOfVisitors(Collection<String> visitorIds) {
        Map<String, TrackedLead> found = new HashMap<>();
        for (String visitor : visitorIds) {
            leadOfVisitor(visitor).ifPresent(l -> found.put(visitor, l));
        }
        return found;
    }

    /** The first lead that carries {@code visitorId}, or empty. */
    Optional<TrackedLead> leadOfVisitor(String visitorId);

    /** The account of contact {@code id} (empty inside when it has none), or empty when there is no such contact. */
    Optional<Optional<AccountId>> accountOfContact(ContactId id);

    boolean accountExists(AccountId id);

    /** Adds {@code visitorId} to the visitor ids of lead {@code id} (saved only when it is new to the lead). */
    void addVisitor(LeadId id, String visitorId, Instant now);
}
