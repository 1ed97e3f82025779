package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.UserId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A purchase to record. It names an account, a contact (whose account is then implied), or both; the product code,
 * a quantity above zero and a non-negative unit price are required.
 *
 * @param purchasedAt         when it was bought; null means now
 * @param reps                the sales reps involved
 * @param specialInstructions free text, line breaks allowed, not limited in length: the purchases an order's delivery
 *                            records carry the line's and the whole order's instructions together
 */
public record NewPurchase(@Nullable AccountId account, @Nullable ContactId contact, String productCode,
                          @Nullable String productName, @Nullable Instant purchasedAt, int quantity, Money unitPrice,
                          Set<UserId> reps, @Nullable String specialInstructions, @Nullable String orderReference) {

    public static NewPurchase of(AccountId account, ContactId contact, String productCode, int quantity,
                                 Money unitPrice) {
        return new NewPurchase(account, contact, productCode, null, null, quantity, unitPrice, Set.of(), null, null);
    }
}
