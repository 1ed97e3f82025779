package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.common.PurchaseId;
import dev.crmkit.core.customer.Feedback;

/** {@link Feedback} to {@link FeedbackEntity} and back. */
final class FeedbackMapper {
    private FeedbackMapper() {
    }

    static FeedbackEntity toRow(Feedback f) {
        FeedbackEntity r = new FeedbackEntity();
        r.accountId = Ids.uuid(f.account());
        r.contactId = Ids.uuid(f.contact());
        r.purchaseId = Ids.uuid(f.purchase());
        r.rating = f.rating();
        r.body = f.text();
        r.channel = f.channel().name();
        r.receivedAt = f.receivedAt();
        return r;
    }

    static Feedback toFeedback(FeedbackEntity r) {
        return new Feedback(FeedbackId.of(r.id), r.version, r.accountId == null ? null : AccountId.of(r.accountId),
                r.contactId == null ? null : ContactId.of(r.contactId),
                r.purchaseId == null ? null : PurchaseId.of(r.purchaseId), r.rating, r.body,
                Channel.valueOf(r.channel), r.receivedAt);
    }
}
