package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.GeoSearch;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountRepository;
import dev.crmkit.core.sharing.Visibility;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

final class MemoryAccountRepository extends MemoryRepository<AccountId, Account> implements AccountRepository {
    private static final Comparator<Account> BY_CREATION = Comparator.comparing(Account::createdAt)
            .thenComparing(Account::id);
    private static final Comparator<Account> BY_NAME = Comparator
            .comparing(Account::nameKey, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Account::id);

    MemoryAccountRepository(MemoryTable<AccountId, Account> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Account> findByNameKey(String nameKey) {
        return lookup("nameKey", nameKey, BY_CREATION);
    }

    @Override
    public List<Account> findWithin(GeoBox box) {
        return within(box, a -> GeoSearch.of(a.address()), BY_CREATION);
    }

    @Override
    public List<Account> findByMatchKeys(Collection<String> keys) {
        return byBlockingKeys(keys);
    }

    @Override
    public Page<Account> list(Visibility visibility, PageRequest page) {
        tx.checkOpen();
        return Page.of(table.scan().filter(seenBy(visibility)).sorted(BY_NAME).toList(), page);
    }

    /** The accounts {@code visibility} sees. */
    Predicate<Account> seenBy(Visibility visibility) {
        MemoryShareRepository shares = tx.shares();
        return a -> visibility.sees(a.id().value(), a.owner(), a.id().value(), a.owner(), shares::isShared);
    }
}
