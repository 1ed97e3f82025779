package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.spi.Repository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Storage port for the emails the service sent or holds. */
public interface SentEmailRepository extends Repository<SentEmailId, SentEmail> {
    /** How many {@code kind} emails were sent to {@code to} after {@code since}. */
    long countSent(EmailAddress to, EmailKind kind, Instant since);

    /** {@link #countSent} for each of {@code to}, by address (an address with none may be left out). */
    default Map<EmailAddress, Long> countSent(Collection<EmailAddress> to, EmailKind kind, Instant since) {
        Map<EmailAddress, Long> counts = new HashMap<>();
        for (EmailAddress address : to) {
            counts.put(address, countSent(address, kind, since));
        }
        return counts;
    }

    /** Deferred emails due at or before {@code now}, the earliest due first (ties: id), at most {@code limit}. */
    List<SentEmail> due(Instant now, int limit);

    @Override
    default String kind() {
        return "SentEmail";
    }
}
