package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.PurchaseId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Feedback to record: a rating from 1 to 5 and the channel are required; it concerns an account, a contact or a
 * purchase (whose account and contact are then implied).
 *
 * @param receivedAt when it was received; null means now
 */
public record NewFeedback(@Nullable AccountId account, @Nullable ContactId contact, @Nullable PurchaseId purchase,
                          int rating, @Nullable String text, Channel channel, @Nullable Instant receivedAt) {

    public static NewFeedback aboutPurchase(PurchaseId purchase, int rating, String text, Channel channel) {
        return new NewFeedback(null, null, purchase, rating, text, channel, null);
    }
}
