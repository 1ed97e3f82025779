package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.customer.Purchase;

/** {@link Purchase} to {@link PurchaseEntity} and back. */
final class PurchaseMapper {
    private PurchaseMapper() {
    }

    static PurchaseEntity toRow(Purchase p) {
        PurchaseEntity r = new PurchaseEntity();
        r.accountId = Ids.uuid(p.account());
        r.contactId = Ids.uuid(p.contact());
        r.productCode = p.productCode();
        r.productName = p.productName();
        r.purchasedAt = p.purchasedAt();
        r.quantity = p.quantity();
        r.unitPrice = MoneyColumns.of(p.unitPrice());
        r.reps = JsonColumns.strings(p.reps().stream().map(UserId::value).toList());
        r.specialInstructions = p.specialInstructions();
        r.orderReference = p.orderReference();
        r.createdAt = p.createdAt();
        return r;
    }

    static Purchase toPurchase(PurchaseEntity r) {
        return new Purchase(PurchaseId.of(r.id), r.version, r.accountId == null ? null : AccountId.of(r.accountId),
                r.contactId == null ? null : ContactId.of(r.contactId), r.productCode, r.productName, r.purchasedAt,
                r.quantity, MoneyColumns.toMoney(r.unitPrice),
                JsonColumns.stringSet(r.reps).stream().map(UserId::of).collect(java.util.stream.Collectors.toSet()),
                r.specialInstructions, r.orderReference, r.createdAt);
    }
}
