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
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A touchpoint being assembled from validated input; fields stay null when the input left them out. */
final class TouchpointDraft {
    final TouchpointKind kind;
    final Channel channel;
    @Nullable Instant occurredAt;
    @Nullable String externalEventId;
    @Nullable String visitorId;
    @Nullable LeadId lead;
    @Nullable ContactId contact;
    @Nullable AccountId account;
    @Nullable CampaignId campaign;
    @Nullable AdId ad;
    @Nullable AffiliateId affiliate;
    long count = 1;
    @Nullable Money value;
    @Nullable Integer durationSeconds;
    @Nullable String outcome;
    @Nullable String detail;
    @Nullable Direction direction;
    @Nullable String reference;
    @Nullable UserId rep;
    @Nullable TouchpointId firstClick;
    @Nullable TouchpointId lastClick;

    TouchpointDraft(TouchpointKind kind, Channel channel) {
        this.kind = kind;
        this.channel = channel;
    }

    Touchpoint build(TouchpointId id) {
        return new Touchpoint(id, kind, Objects.requireNonNull(occurredAt, "occurredAt"), externalEventId, visitorId,
                lead, contact, account, campaign, ad, affiliate, channel, count, value, durationSeconds, outcome,
                detail, direction, reference, rep, firstClick, lastClick);
    }
}
