package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.ContactRepository;
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

final class MemoryContactRepository extends MemoryRepository<ContactId, Contact> implements ContactRepository {
    static final Comparator<Contact> ORDER = Comparator.comparing(Contact::createdAt)
            .thenComparing(Contact::id);

    MemoryContactRepository(MemoryTable<ContactId, Contact> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Contact> findWithin(GeoBox box) {
        return within(box, c -> GeoSearch.of(c.points().address()), ORDER);
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
    public List<Contact> findByMatchKeys(Collection<String> keys) {
        return byBlockingKeys(keys);
    }

    @Override
    public Map<String, List<ContactId>> matchKeyOwners(Collection<String> keys) {
        return blockOwners(keys);
    }

    @Override
    public List<Contact> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public Page<Contact> search(ContactQuery query, Visibility visibility, PageRequest page) {
        tx.checkOpen();
        return Page.of(table.scan().filter(matcher(query)).filter(seenBy(visibility)).sorted(ORDER).toList(), page);
    }

    @Override
    public Map<String, Long> countBy(ContactQuery query, Visibility visibility, GroupField field) {
        tx.checkOpen();
        return table.scan().filter(matcher(query)).filter(seenBy(visibility))
                .collect(Collectors.groupingBy(c -> PersonFields.orEmpty(groupValue(c, field)), TreeMap::new,
                        Collectors.counting()));
    }

    /** The contacts {@code visibility} sees. */
    Predicate<Contact> seenBy(Visibility visibility) {
        if (visibility.all()) {
            return c -> true;
        }
        MemoryShareRepository shares = tx.shares();
        AccountRepository accounts = tx.accounts();
        return c -> visibility.sees(c.id().value(), c.owner(), c.account() == null ? null : c.account().value(),
                c.account() == null ? null : accounts.find(c.account()).map(Account::owner).orElse(null),
                shares::isShared);
    }

    private static @Nullable Object groupValue(Contact c, GroupField field) {
        return switch (field) {
            case STAGE, QUALIFICATION -> c.stage();
            case OWNER -> c.owner();
            case COUNTRY -> c.points().address() == null ? null : c.points().address().country();
            case REGION -> c.points().address() == null ? null : c.points().address().region();
            case CITY -> c.points().address() == null ? null : c.points().address().city();
        };
    }

    private static Predicate<Contact> matcher(ContactQuery q) {
        return c -> (q.stage() == null || q.stage() == c.stage())
                && (q.owner() == null || q.owner().equals(c.owner()))
                && (q.account() == null || q.account().equals(c.account()))
                && PersonFields.matchesLocation(c.points().address(), q.country(), q.region(), q.city())
                && (q.keyDecisionMaker() == null || q.keyDecisionMaker() == c.keyDecisionMaker())
                && (q.tag() == null || c.tags().contains(q.tag()));
    }

    @Override
    public void forEachCreated(Instant from, Instant to, Consumer<? super Contact> visitor) {
        forEachBetween(Contact::createdAt, from, to, visitor);
    }
}
