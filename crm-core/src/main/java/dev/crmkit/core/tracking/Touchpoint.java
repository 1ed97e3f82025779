package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded contact with a prospect or customer; append-only. Who it concerns is any of an anonymous
 * {@code visitorId}, a lead, a contact or an account.
 *
 * @param externalEventId the sender's id for the event: the same id recorded twice counts once
 * @param count           1, or the number of impressions for a bulk {@link TouchpointKind#AD_IMPRESSION}
 * @param value           the conversion's value, if any
 * @param durationSeconds length of a phone call or visit
 * @param outcome         result of a call or visit as the rep entered it
 * @param detail          link URL, email subject, form name: what the event was about
 * @param direction       for an {@link TouchpointKind#INTERACTION}: in or out; null for the other kinds
 * @param reference       for an interaction: the channel's own reference (chat transcript id, social handle or
 *                        post URL, mail piece id, SMS message id)
 * @param firstClick      for a conversion: the first click of the same visitor or lead before it
 * @param lastClick       for a conversion: the last click before it
 */
public record Touchpoint(
        TouchpointId id,
        TouchpointKind kind,
        Instant occurredAt,
        @Nullable String externalEventId,
        @Nullable String visitorId,
        @Nullable LeadId lead,
        @Nullable ContactId contact,
        @Nullable AccountId account,
        @Nullable CampaignId campaign,
        @Nullable AdId ad,
        @Nullable AffiliateId affiliate,
        Channel channel,
        long count,
        @Nullable Money value,
        @Nullable Integer durationSeconds,
        @Nullable String outcome,
        @Nullable String detail,
        @Nullable Direction direction,
        @Nullable String reference,
        @Nullable UserId rep,
        @Nullable TouchpointId firstClick,
        @Nullable TouchpointId lastClick) {

    public Touchpoint {
        // Every adapter keeps microseconds: cut here, so memory reads back what a database would.
        occurredAt = Validation.storable(occurredAt);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        if ((kind == TouchpointKind.INTERACTION) != (direction != null)) {
            throw new IllegalArgumentException("exactly an interaction has a direction: " + kind + " " + direction);
        }
    }

    /**
     * This touchpoint as an anonymous count, for an erasure: no visitor, lead or contact, and none of the free text a
     * person may be named in (outcome, detail, reference); what it counts (kind, time, campaign, ad, affiliate,
     * account, value) stays, and so do the marketing reports.
     */
    public Touchpoint anonymised() {
        return new Touchpoint(id, kind, occurredAt, externalEventId, null, null, null, account, campaign, ad,
                affiliate, channel, count, value, durationSeconds, null, null, direction, null, rep, firstClick,
                lastClick);
    }

    /** A copy attributed to a lead (visitor linking). */
    public Touchpoint withLead(LeadId newLead) {
        return new Touchpoint(id, kind, occurredAt, externalEventId, visitorId, newLead, contact, account, campaign,
                ad, affiliate, channel, count, value, durationSeconds, outcome, detail, direction, reference, rep,
                firstClick, lastClick);
    }

    /** A copy attributed to a contact and account (lead conversion carries history over). */
    public Touchpoint withContact(ContactId newContact, @Nullable AccountId newAccount) {
        return new Touchpoint(id, kind, occurredAt, externalEventId, visitorId, lead, newContact, newAccount,
                campaign, ad, affiliate, channel, count, value, durationSeconds, outcome, detail, direction, reference,
                rep, firstClick, lastClick);
    }
}
