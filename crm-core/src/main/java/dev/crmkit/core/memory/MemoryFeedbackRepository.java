package dev.crmkit.core.memory;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.customer.Feedback;
import dev.crmkit.core.customer.FeedbackRepository;
import java.util.Comparator;
import java.util.List;

final class MemoryFeedbackRepository extends MemoryRepository<FeedbackId, Feedback> implements FeedbackRepository {
    private static final Comparator<Feedback> ORDER = Comparator.comparing(Feedback::receivedAt)
            .thenComparing(Feedback::id);

    MemoryFeedbackRepository(MemoryTable<FeedbackId, Feedback> table, MemoryTx tx) {
        super(table, tx);
    }

    @Override
    public List<Feedback> findByAccount(AccountId account) {
        return lookup("account", account, ORDER);
    }

    @Override
    public List<Feedback> findByContact(ContactId contact) {
        return lookup("contact", contact, ORDER);
    }
}
