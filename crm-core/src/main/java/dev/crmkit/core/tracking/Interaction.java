package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation on any channel, as a rep or the host's channel integration logs it: start with
 * {@link #inbound(Channel)} or {@link #outbound(Channel)}, then name whom it concerns (at least one of a lead, a
 * contact or an account; a contact's account is filled in) and what is known.
 *
 * @param occurredAt      when it happened; null means now
 * @param externalId      the channel's id for this interaction: logging the same id again returns the first one and
 *                        writes nothing, so an integration may retry
 * @param reference       the channel's reference to show and follow: a chat transcript id, a social handle
 *                        ({@code @name}) or post URL, a mail piece id, an SMS message id
 * @param summary         what was said or sent; may span lines
 * @param durationSeconds how long it took, if known; not negative
 * @param outcome         short result, e.g. {@code "resolved"}, {@code "asked for a quote"}
 */
public record Interaction(Channel channel, Direction direction, @Nullable LeadId lead, @Nullable ContactId contact,
                          @Nullable AccountId account, @Nullable Instant occurredAt, @Nullable String externalId,
                          @Nullable String reference, @Nullable String summary, @Nullable Integer durationSeconds,
                          @Nullable String outcome) {

    /** An interaction the person started on {@code channel}. */
    public static Interaction inbound(Channel channel) {
        return new Interaction(channel, Direction.INBOUND, null, null, null, null, null, null, null, null, null);
    }

    /** An interaction the company started on {@code channel}. */
    public static Interaction outbound(Channel channel) {
        return new Interaction(channel, Direction.OUTBOUND, null, null, null, null, null, null, null, null, null);
    }

    public Interaction withLead(LeadId newLead) {
        return new Interaction(channel, direction, newLead, contact, account, occurredAt, externalId, reference,
                summary, durationSeconds, outcome);
    }

    public Interaction withContact(ContactId newContact) {
        return new Interaction(channel, direction, lead, newContact, account, occurredAt, externalId, reference,
                summary, durationSeconds, outcome);
    }

    public Interaction withAccount(AccountId newAccount) {
        return new Interaction(channel, direction, lead, contact, newAccount, occurredAt, externalId, reference,
                summary, durationSeconds, outcome);
    }

    public Interaction at(Instant when) {
        return new Interaction(channel, direction, lead, contact, account, when, externalId, reference, summary,
                durationSeconds, outcome);
    }

    public Interaction externalId(String id) {
        return new Interaction(channel, direction, lead, contact, account, occurredAt, id, reference, summary,
                durationSeconds, outcome);
    }

    public Interaction reference(String channelReference) {
        return new Interaction(channel, direction, lead, contact, account, occurredAt, externalId, channelReference,
                summary, durationSeconds, outcome);
    }

    public Interaction summary(String text) {
        return new Interaction(channel, direction, lead, contact, account, occurredAt, externalId, reference, text,
                durationSeconds, outcome);
    }

    public Interaction lasting(Integer seconds) {
        return new Interaction(channel, direction, lead, contact, account, occurredAt, externalId, reference,
                summary, seconds, outcome);
    }

    public Interaction outcome(String result) {
        return new Interaction(channel, direction, lead, contact, account, occurredAt, externalId, reference,
                summary, durationSeconds, result);
    }
}
