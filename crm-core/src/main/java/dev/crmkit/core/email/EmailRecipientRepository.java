package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.spi.Repository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for where each address stands on email (one record per address, unique per tenant) and the
 * append-only log of its consent changes. Every lookup is an index hit.
 */
public interface EmailRecipientRepository extends Repository<EmailRecipientId, EmailRecipient> {
    Optional<EmailRecipient> findByEmail(EmailAddress email);

    /** The records of those of {@code emails} that have one, by address: for many sends at once. */
    default Map<EmailAddress, EmailRecipient> findByEmails(Collection<EmailAddress> emails) {
        Map<EmailAddress, EmailRecipient> found = new HashMap<>();
        for (EmailAddress email : emails) {
            findByEmail(email).ifPresent(r -> found.put(email, r));
        }
        return found;
    }

    /** The suppression list: suppressed addresses, the last suppressed first (ties: address). */
    Page<EmailRecipient> suppressed(PageRequest page);

    /** Appends {@code change} to its address's consent log. */
    void appendChange(ConsentChange change);

    /** The consent log of {@code email}, oldest first (ties: id). */
    List<ConsentChange> changes(EmailAddress email);

    @Override
    default String kind() {
        return "EmailRecipient";
    }
}
