package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Storage port for contacts. Every lookup here must be an index hit in an adapter, never a scan. */
public interface ContactRepository extends Repository<ContactId, Contact> {
    List<Contact> findByEmail(EmailAddress email);

    /** Contacts whose address has a position in {@code box}, in no particular order: an index range, never a scan. */
    List<Contact> findWithin(GeoBox box);

    List<Contact> findByPhone(PhoneNumber phone);

    List<Contact> findByNameKey(String nameKey);

    /**
     * Contacts having at least one of {@code keys} among their duplicate-matching keys, each once, in no particular
     * order: chosen from the keys' blocks as for leads (a common key nominates only contacts another key nominates
     * too, one shared by very many is skipped).
     */
    List<Contact> findByMatchKeys(Collection<String> keys);

    /** The whole block of each of {@code keys}, by key, as {@code LeadRepository.blockOwners}. */
    Map<String, List<ContactId>> matchKeyOwners(Collection<String> keys);

    /** The contacts having any of {@code emails}, by email: one lookup for many records. */
    default Map<EmailAddress, List<Contact>> findByEmails(Collection<EmailAddress> emails) {
        return Repository.eachOf(emails, this::findByEmail);
    }

    /** The contacts having any of {@code phones}, by phone: one lookup for many records. */
    default Map<PhoneNumber, List<Contact>> findByPhones(Collection<PhoneNumber> phones) {
        return Repository.eachOf(phones, this::findByPhone);
    }

    /** The account's contacts, ordered by creation time then id. */
    List<Contact> findByAccount(AccountId account);

    /** The contacts matching {@code query}, as {@link #search(ContactQuery, Visibility, PageRequest)} unfiltered. */
    default Page<Contact> search(ContactQuery query, PageRequest page) {
        return search(query, Visibility.everything(), page);
    }

    /**
     * The contacts matching {@code query} that {@code visibility} sees, oldest first: filtered before paging, so the
     * page and its total count only those (adapters push the filter down).
     */
    Page<Contact> search(ContactQuery query, Visibility visibility, PageRequest page);

    /** As {@link #countBy(ContactQuery, Visibility, GroupField)} unfiltered. */
    default Map<String, Long> countBy(ContactQuery query, GroupField field) {
        return countBy(query, Visibility.everything(), field);
    }

    /**
     * Number of matching contacts {@code visibility} sees per value of {@code field} (null values under the key
     * {@code ""}).
     */
    Map<String, Long> countBy(ContactQuery query, Visibility visibility, GroupField field);

    /**
     * Calls {@code visitor} once for every contact of the tenant created in {@code [from, to)} (either bound null
     * for open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and should stream
     * rather than load the whole range at once. The visitor runs inside the transaction and must not use the
     * storage.
     */
    void forEachCreated(Instant from, Instant to, Consumer<? super Contact> visitor);

    @Override
    default String kind() {
        return "Contact";
    }
}
