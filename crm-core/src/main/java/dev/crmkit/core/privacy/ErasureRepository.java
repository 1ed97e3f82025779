package dev.crmkit.core.privacy;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import java.util.Collection;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The rows a person leaves below the aggregates, for an erasure: every method works on the transaction's tenant, in
 * its transaction. Adapters implement it; {@link PersonalDataService#erase} decides what goes.
 */
public interface ErasureRepository {
    /** Deletes these leads and contacts, with everything indexing them (match keys, tags, visitor links). */
    void deletePeople(Collection<LeadId> leads, Collection<ContactId> contacts);

    /**
     * Keeps the touchpoints of these people and visitors as anonymous counts: their lead, contact and visitor are
     * cleared, and so is their free text (a call's outcome, a form's detail). Returns how many changed.
     */
    int anonymiseTouchpoints(Collection<LeadId> leads, Collection<ContactId> contacts, Collection<String> visitors);

    /**
     * Deletes what email holds of these addresses and people: their recipient state and consent log, and the emails
     * sent to them or recorded for them.
     */
    void forgetEmail(Collection<EmailAddress> addresses, Collection<UUID> people);

    /**
     * Deletes what names these records by id: consent records and states, nurture enrollments, segment memberships,
     * rule runs (done and waiting), audit entries, and outbox entries of these aggregates.
     */
    void forgetRecords(Collection<UUID> records);

    /** Rewrites, through {@code scrub}, the values in the audit entries of these records (records that are kept). */
    void scrubAudit(Collection<UUID> records, UnaryOperator<String> scrub);

    /**
     * Rewrites, through {@code scrub}, the payloads of the outbox entries that contain any of {@code traces} (events
     * of kept records that quoted the person).
     */
    void scrubOutbox(Collection<String> traces, UnaryOperator<String> scrub);
}
