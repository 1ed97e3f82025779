package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.FeedbackId;
import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for customer feedback; lists are ordered by time received, then id. */
public interface FeedbackRepository extends Repository<FeedbackId, Feedback> {
    List<Feedback> findByAccount(AccountId account);

    List<Feedback> findByContact(ContactId contact);

    @Override
    default String kind() {
        return "Feedback";
    }
}
