package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.customer.PurchaseRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

final class MemoryPurchaseRepository extends MemoryRepository<PurchaseId, Purchase> implements PurchaseRepository {
    private static final Comparator<Purchase> ORDER = Comparator.comparing(Purchase::purchasedAt)
            .thenComparing(Purchase::id);

    MemoryPurchaseRepository(MemoryTable<PurchaseId, Purchase> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Purchase> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public List<Purchase> findByContact(ContactId contact) {
        return lookup("contact", contact, ORDER);
    }

    @Override
    public void forEachPurchased(Instant from, Instant to, Consumer<? super Purchase> visitor) {
        forEachBetween(Purchase::purchasedAt, from, to, visitor);
    }
}
