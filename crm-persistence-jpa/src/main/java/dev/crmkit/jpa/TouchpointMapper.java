package dev.crmkit.jpa;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;

/** {@link Touchpoint} to {@link TouchpointEntity} and back. */
final class TouchpointMapper {
    private TouchpointMapper() {
    }

    static TouchpointEntity toRow(String tenantId, Touchpoint t) {
        TouchpointEntity r = new TouchpointEntity();
        r.tenantId = tenantId;
        r.id = t.id().value();
        r.kind = t.kind().name();
        r.occurredAt = t.occurredAt();
        r.externalEventId = t.externalEventId();
        r.visitorId = t.visitorId();
        r.leadId = Ids.uuid(t.lead());
        r.contactId = Ids.uuid(t.contact());
        r.accountId = Ids.uuid(t.account());
        r.campaignId = Ids.uuid(t.campaign());
        r.adId = Ids.uuid(t.ad());
        r.affiliateId = Ids.uuid(t.affiliate());
        r.channel = t.channel().name();
        r.count = t.count();
        r.value = MoneyColumns.of(t.value());
        r.durationSeconds = t.durationSeconds();
        r.outcome = t.outcome();
        r.detail = t.detail();
        r.repId = Ids.user(t.rep());
        r.firstClick = Ids.uuid(t.firstClick());
        r.lastClick = Ids.uuid(t.lastClick());
        r.direction = t.direction() == null ? null : t.direction().name();
        r.channelReference = t.reference();
        return r;
    }

    static Touchpoint toTouchpoint(TouchpointEntity r) {
        return new Touchpoint(TouchpointId.of(r.id), TouchpointKind.valueOf(r.kind), r.occurredAt, r.externalEventId,
                r.visitorId, r.leadId == null ? null : LeadId.of(r.leadId),
                r.contactId == null ? null : ContactId.of(r.contactId),
                r.accountId == null ? null : AccountId.of(r.accountId),
                r.campaignId == null ? null : CampaignId.of(r.campaignId), r.adId == null ? null : AdId.of(r.adId),
                r.affiliateId == null ? null : AffiliateId.of(r.affiliateId), Channel.valueOf(r.channel), r.count,
                MoneyColumns.toMoney(r.value), r.durationSeconds, r.outcome, r.detail,
                r.direction == null ? null : Direction.valueOf(r.direction), r.channelReference, Ids.user(r.repId),
                r.firstClick == null ? null : TouchpointId.of(r.firstClick),
                r.lastClick == null ? null : TouchpointId.of(r.lastClick));
    }
}
