package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.customer.Purchase;
import dev.crmkit.core.customer.PurchaseRepository;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

final class JpaPurchaseRepository extends JpaRepository<PurchaseId, Purchase, PurchaseEntity>
        implements PurchaseRepository {
    private static final String ORDER = "r.purchasedAt, r.id";

    JpaPurchaseRepository(JpaTx tx) {
        super(tx, PurchaseEntity.class);
    }

    @Override
    PurchaseEntity toRow(Purchase purchase) {
        return PurchaseMapper.toRow(purchase);
    }

    @Override
    Purchase toDomain(PurchaseEntity row) {
        return PurchaseMapper.toPurchase(row);
    }

    @Override
    public List<Purchase> findByAccount(AccountId account) {
        return lookup("accountId", account.value(), ORDER);
    }

    @Override
    public List<Purchase> findByContact(ContactId contact) {
        return lookup("contactId", contact.value(), ORDER);
    }

    @Override
    public void forEachPurchased(Instant from, Instant to, Consumer<? super Purchase> visitor) {
        forEachBetween("purchasedAt", from, to, visitor);
    }
}
