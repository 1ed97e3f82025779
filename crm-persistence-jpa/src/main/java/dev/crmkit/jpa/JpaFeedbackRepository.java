package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.FeedbackRepository;
import java.util.List;

final class JpaFeedbackRepository extends JpaRepository<FeedbackId, Feedback, FeedbackEntity>
        implements FeedbackRepository {
    private static final String ORDER = "r.receivedAt, r.id";

    JpaFeedbackRepository(JpaTx tx) {
        super(tx, FeedbackEntity.class);
    }

    @Override
    FeedbackEntity toRow(Feedback feedback) {
        return FeedbackMapper.toRow(feedback);
    }

    @Override
    Feedback toDomain(FeedbackEntity row) {
        return FeedbackMapper.toFeedback(row);
    }

    @Override
    public List<Feedback> findByAccount(AccountId account) {
        return lookup("accountId", account.value(), ORDER);
    }

    @Override
    public List<Feedback> findByContact(ContactId contact) {
        return lookup("contactId", contact.value(), ORDER);
    }
}
