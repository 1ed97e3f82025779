package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.GeoBox;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.sharing.Visibility;
import dev.crmkit.core.spi.Repository;
import java.util.Collection;
import java.util.List;

/** Storage port for accounts. */
public interface AccountRepository extends Repository<AccountId, Account> {
    /** Accounts whose address has a position in {@code box}, in no particular order: an index range, never a scan. */
    List<Account> findWithin(GeoBox box);

    /** Accounts whose {@link Account#nameKey()} equals {@code nameKey}. */
    List<Account> findByNameKey(String nameKey);

    /**
     * Accounts having at least one of {@code keys} among their duplicate-matching keys, each once, in no particular
     * order, chosen from the keys' blocks as for leads.
     */
    List<Account> findByMatchKeys(Collection<String> keys);

    /** All accounts, ordered by name key then id. */
    default Page<Account> list(PageRequest page) {
        return list(Visibility.everything(), page);
    }

    /** The accounts {@code visibility} sees, ordered by name key then id, filtered before paging. */
    Page<Account> list(Visibility visibility, PageRequest page);

    @Override
    default String kind() {
        return "Account";
    }
}
