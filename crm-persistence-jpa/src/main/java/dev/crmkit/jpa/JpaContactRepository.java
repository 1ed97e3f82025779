package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.ContactRepository;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.lead.BlockingKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

final class JpaContactRepository extends JpaRepository<ContactId, Contact, ContactEntity>
        implements ContactRepository {
    /** {@code r.createdAt, r.id} in Java. */
    private static final Comparator<Contact> IN_ORDER = Comparator.comparing(Contact::createdAt)
            .thenComparing(Contact::id);
    private static final String ORDER = "r.createdAt, r.id";
    private static final String TAGS = "ContactTagRow";
    private static final String MATCH_KEYS = "ContactMatchKeyRow";

    JpaContactRepository(JpaTx tx) {
        super(tx, ContactEntity.class);
    }

    @Override
    ContactEntity toRow(Contact contact) {
        return ContactMapper.toRow(contact);
    }

    @Override
    Contact toDomain(ContactEntity row) {
        return ContactMapper.toContact(row);
    }

    @Override
    void afterSave(Contact contact, boolean inserted) {
        KeyTables.replace(tx, TAGS, contact.id().value(), contact.tags(), inserted, ContactTagRow::new);
        KeyTables.replace(tx, MATCH_KEYS, contact.id().value(), BlockingKeys.of(contact), inserted,
                ContactMatchKeyRow::new);
    }

    /** The contacts {@code ids} (matching's candidates, chosen from their key blocks). */
    List<Contact> candidates(Set<UUID> ids) {
        return byIds(ids, ORDER, IN_ORDER);
    }

    @Override
    public List<Contact> findByMatchKeys(Collection<String> keys) {
        return byMatchKeys(MATCH_KEYS, keys, ORDER, IN_ORDER);
    }

    @Override
    public List<Contact> findWithin(GeoBox box) {
        return within(box, ORDER);
    }

    @Override
    public Map<String, List<ContactId>> matchKeyOwners(Collection<String> keys) {
        return keyOwners(MATCH_KEYS, keys, ContactId::of);
    }

    @Override
    public Map<EmailAddress, List<Contact>> findByEmails(Collection<EmailAddress> emails) {
        return lookupAll("email", emails, EmailAddress::value, c -> c.points().email(), ORDER);
    }

    @Override
    public Map<PhoneNumber, List<Contact>> findByPhones(Collection<PhoneNumber> phones) {
        return lookupAll("phone", phones, PhoneNumber::value, c -> c.points().phone(), ORDER);
    }

    @Override
    public List<Contact> findByEmail(EmailAddress email) {
        return lookup("email", email.value(), ORDER);
    }

    @Override
    public List<Contact> findByPhone(PhoneNumber phone) {
        return lookup("phone", phone.value(), ORDER);
    }

    @Override
    public List<Contact> findByNameKey(String nameKey) {
        return lookup("nameKey", nameKey, ORDER);
    }

    @Override
    public List<Contact> findByAccount(AccountId account) {
        return lookup("accountId", account.value(), ORDER);
    }

    @Override
    public Page<Contact> search(ContactQuery query, Visibility visibility, PageRequest page) {
        return page(SeenBy.ofAccount(filter(query), visibility), ORDER, page);
    }

    @Override
    public Map<String, Long> countBy(ContactQuery query, Visibility visibility, GroupField field) {
        return countBy(SeenBy.ofAccount(filter(query), visibility), switch (field) {
            case STAGE, QUALIFICATION -> "r.stage";
            case OWNER -> "r.ownerId";
            case COUNTRY -> "r.address.country";
            case REGION -> "r.address.region";
            case CITY -> "r.address.city";
        });
    }

    private Filter filter(ContactQuery q) {
        return new Filter(tx.tenantId())
                .and("r.stage = :stage", "stage", q.stage() == null ? null : q.stage().name())
                .and("r.ownerId = :owner", "owner", Ids.user(q.owner()))
                .and("r.accountId = :account", "account", Ids.uuid(q.account()))
                .location(q.country(), q.region(), q.city())
                .and("r.keyDecisionMaker = :kdm", "kdm", q.keyDecisionMaker())
                .and(KeyTables.has(TAGS, "tag"), "tag", q.tag());
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Contact> visitor) {
        forEachBetween("createdAt", from, to, visitor);
    }
}
