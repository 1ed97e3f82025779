package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for purchases; lists are ordered by purchase time, then id. */
public interface PurchaseRepository extends Repository<PurchaseId, Purchase> {
    List<Purchase> findByAccount(AccountId account);

    List<Purchase> findByContact(ContactId contact);

    @Override
    default String kind() {
        return "Purchase";
    }
}
