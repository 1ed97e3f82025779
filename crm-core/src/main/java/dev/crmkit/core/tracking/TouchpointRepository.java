package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Storage port for touchpoints: append-only, high volume. Lists are ordered by occurrence time, then id.
 */
public interface TouchpointRepository {
    /**
     * Appends the touchpoints whose external event id is new (or absent) and returns those it stored; ones whose
     * external id is already stored, or repeated within the batch, are skipped. Adapters write this in batches.
     */
    List<Touchpoint> insertAll(Collection<Touchpoint> touchpoints);

    Optional<Touchpoint> find(TouchpointId id);

    Optional<Touchpoint> findByExternalEventId(String externalEventId);

    List<Touchpoint> findByVisitor(String visitorId);

    List<Touchpoint> findByLead(LeadId lead);

    List<Touchpoint> findByContact(ContactId contact);

    List<Touchpoint> findByAccount(AccountId account);

    /** Attributes the visitor's touchpoints that have no lead yet to {@code lead}; returns how many changed. */
    int linkVisitorToLead(String visitorId, LeadId lead);

    /** Moves every touchpoint of lead {@code from} to lead {@code to} (a merge); returns how many moved. */
    int reassignLead(LeadId from, LeadId to);

    /** Attributes all of the lead's touchpoints to the contact and account it converted into. */
    int linkLeadToContact(LeadId lead, ContactId contact, @Nullable AccountId account);

    /**
     * Calls {@code visitor} once for every touchpoint of the tenant that occurred in {@code [from, to)} (either
     * bound null for open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and
     * should stream rather than load the whole range at once. The visitor runs inside the transaction and must not
     * use the storage.
     */
    void forEachOccurred(Instant from, Instant to, Consumer<? super Touchpoint> visitor);

    /**
     * Calls {@code visitor} once for every {@link TouchpointDayTotal} of the tenant whose day lies in
     * {@code [from, to)} (either bound null for open), in no particular order. Totals cover every touchpoint stored
     * and are as current as {@link #forEachOccurred}: reports over whole UTC days read these instead of scanning.
     */
    void forEachDayTotal(@Nullable LocalDate from, @Nullable LocalDate to,
                         Consumer<? super TouchpointDayTotal> visitor);
}
