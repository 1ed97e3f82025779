package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A phone call or site visit as a rep enters it. It concerns at least one of a lead, a contact or an account (a
 * contact's account is filled in from the contact). The rep is the acting user.
 *
 * @param occurredAt      when it happened; null means now
 * @param durationSeconds how long it took, if known; not negative
 * @param outcome         short result, e.g. {@code "interested"}, {@code "no answer"}
 * @param notes           free text
 */
public record RepInteraction(@Nullable LeadId lead, @Nullable ContactId contact, @Nullable AccountId account,
                             @Nullable Instant occurredAt, Integer durationSeconds, String outcome, String notes) {

    public static RepInteraction withLead(LeadId lead, Integer durationSeconds, String outcome, String notes) {
        return new RepInteraction(lead, null, null, null, durationSeconds, outcome, notes);
    }

    public static RepInteraction withContact(ContactId contact, Integer durationSeconds, String outcome,
                                             String notes) {
        return new RepInteraction(null, contact, null, null, durationSeconds, outcome, notes);
    }

    public static RepInteraction withAccount(AccountId account, Integer durationSeconds, String outcome,
                                             String notes) {
        return new RepInteraction(null, null, account, null, durationSeconds, outcome, notes);
    }
}
