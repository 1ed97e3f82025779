package dev.crmkit.core.lead;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Storage port for leads. Every lookup here must be an index hit in an adapter, never a scan. */
public interface LeadRepository extends Repository<LeadId, Lead> {
    List<Lead> findByEmail(EmailAddress email);

    List<Lead> findByPhone(PhoneNumber phone);

    /**
     * Leads having at least one of {@code keys} among their {@link BlockingKeys}, each once, in no particular order:
     * the candidates of duplicate matching, chosen from the keys' blocks by {@link BlockingKeys#candidates} (a key
     * more than {@link BlockingKeys#COMMON_BLOCK} leads share nominates only leads another key nominates too, one over
     * {@link BlockingKeys#MAX_BLOCK} is skipped: it tells too few people apart, and reading its leads would make a
     * capture a scan).
     */
    List<Lead> findByBlockingKeys(Collection<String> keys);

    /**
     * The whole block of each of {@code keys}: every lead having it, by key (a key nobody has is absent), for
     * matching many new records at once ({@link BlockingKeys#candidates} is applied by the caller). One index range
     * per key, as {@link #findByBlockingKeys}. Every block, however large: the caller decides by a block's size
     * whether an exact email or phone lookup is still needed, so a block left out would read as an empty one.
     */
    Map<String, List<LeadId>> blockOwners(Collection<String> keys);

    /**
     * The stored version of each of {@code ids}, by id (unknown ids are left out): whether a lead read before is
     * still as it was, without reading it again.
     */
    default Map<LeadId, Long> versions(Collection<LeadId> ids) {
        Map<LeadId, Long> versions = new HashMap<>();
        findAll(ids).forEach((id, lead) -> versions.put(id, lead.version()));
        return versions;
    }

    /** The leads having any of {@code emails}, by email: one lookup for many records. */
    default Map<EmailAddress, List<Lead>> findByEmails(Collection<EmailAddress> emails) {
        return Repository.eachOf(emails, this::findByEmail);
    }

    /** The leads having any of {@code phones}, by phone: one lookup for many records. */
    default Map<PhoneNumber, List<Lead>> findByPhones(Collection<PhoneNumber> phones) {
        return Repository.eachOf(phones, this::findByPhone);
    }

    List<Lead> findByVisitorId(String visitorId);

    /** The leads merged into {@code survivor} (MERGED, naming it), oldest first. */
    List<Lead> findMergedInto(LeadId survivor);

    /**
     * For each of {@code visitorIds} that a lead carries, the first such lead (by creation, then id), by visitor id:
     * for a batch of tracked events, read together instead of one lookup each. An id may be named more than once
     * (a batch's visitors are not deduplicated first: a database adapter drops repeats in its query).
     */
    default Map<String, Lead> firstByVisitorIds(Collection<String> visitorIds) {
        Map<String, Lead> first = new HashMap<>();
        for (String visitor : visitorIds) {
            List<Lead> leads = findByVisitorId(visitor);
            if (!leads.isEmpty()) {
                first.put(visitor, leads.get(0));
            }
        }
        return first;
    }

    /** Leads whose address has a position in {@code box}, in no particular order: an index range, never a scan. */
    List<Lead> findWithin(GeoBox box);

    /** The leads matching {@code query}, as {@link #search(LeadQuery, Visibility, PageRequest)} with no filter. */
    default Page<Lead> search(LeadQuery query, PageRequest page) {
        return search(query, Visibility.everything(), page);
    }

    /**
     * The leads matching {@code query} that {@code visibility} sees, a page of them in creation order: adapters
     * filter before paging (in SQL where they can), so a page is full whatever the reader may not see.
     */
    Page<Lead> search(LeadQuery query, Visibility visibility, PageRequest page);

    /** Number of matching leads per value of {@code field} (null values under the key {@code ""}). */
    default Map<String, Long> countBy(LeadQuery query, GroupField field) {
        return countBy(query, Visibility.everything(), field);
    }

    /** {@link #countBy(LeadQuery, GroupField)} of the leads {@code visibility} sees, filtered where they are read. */
    Map<String, Long> countBy(LeadQuery query, Visibility visibility, GroupField field);

    /**
     * Calls {@code visitor} once for every lead of the tenant (merged and spam ones too) created in {@code [from,
     * to)} (either bound null for open), in no particular order. A bulk read for reports, not a lookup: adapters may
     * scan, and should stream rather than load the whole range at once. The visitor runs inside the transaction and
     * must not use the storage.
     */
    void forEachCreated(Instant from, Instant to, Consumer<? super Lead> visitor);

    @Override
    default String kind() {
        return "Lead";
    }
}
