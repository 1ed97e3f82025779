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

/** A touchpoint being assembled from validated input; fields stay null when the input left them out. */
final class TouchpointDraft {
    final TouchpointKind kind;
    final Channel channel;
    Instant occurredAt;
    String externalEventId;
    String visitorId;
    LeadId lead;
    ContactId contact;
    AccountId account;
    CampaignId campaign;
    AdId ad;
    AffiliateId affiliate;
    long count = 1;
    Money value;
    Integer durationSeconds;
    String outcome;
    String detail;
    Direction direction;
    String reference;
    UserId rep;
    TouchpointId firstClick;
    TouchpointId lastClick;

    TouchpointDraft(TouchpointKind kind, Channel channel) {
        this.kind = kind;
        this.channel = channel;
    }

    Touchpoint build(TouchpointId id) {
        return new Touchpoint(id, kind, occurredAt, externalEventId, visitorId, lead, contact, account, campaign, ad,
                affiliate, channel, count, value, durationSeconds, outcome, detail, direction, reference, rep, firstClick,
                lastClick);
    }
}
