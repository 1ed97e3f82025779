package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Storage port for purchases; lists are ordered by purchase time, then id. */
public interface PurchaseRepository extends Repository<PurchaseId, Purchase> {
    List<Purchase> findByAccount(AccountId account);

    List<Purchase> findByContact(ContactId contact);

    /**
     * Calls {@code visitor} once for every purchase of the tenant purchased in {@code [from, to)} (either bound null
     * for open), in no particular order. A bulk read for reports, not a lookup: adapters may scan, and should stream
     * rather than load the whole range at once. The visitor runs inside the transaction and must not use the
     * storage.
     */
    void forEachPurchased(Instant from, Instant to, Consumer<? super Purchase> visitor);

    @Override
    default String kind() {
        return "Purchase";
    }
}
