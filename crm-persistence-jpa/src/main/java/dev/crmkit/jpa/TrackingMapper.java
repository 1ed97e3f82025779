package dev.crmkit.jpa;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.tracking.Ad;
import dev.crmkit.core.tracking.AffiliateSite;
import dev.crmkit.core.tracking.Campaign;

/** Campaigns, ads and affiliate sites to their rows and back (touchpoints: {@link TouchpointMapper}). */
final class TrackingMapper {
    private TrackingMapper() {
    }

    static CampaignEntity toRow(Campaign c) {
        CampaignEntity r = new CampaignEntity();
        r.name = c.name();
        r.channel = c.channel() == null ? null : c.channel().name();
        r.startDate = c.startDate();
        r.endDate = c.endDate();
        r.budget = MoneyColumns.of(c.budget());
        if (c.targetArea() != null) {
            r.targetLatitude = c.targetArea().center().latitude();
            r.targetLongitude = c.targetArea().center().longitude();
            r.targetRadiusKm = c.targetArea().radiusKm();
        }
        r.createdAt = c.createdAt();
        return r;
    }

    static Campaign toCampaign(CampaignEntity r) {
        return new Campaign(CampaignId.of(r.id), r.version, r.name,
                r.channel == null ? null : Channel.valueOf(r.channel), r.startDate, r.endDate,
                MoneyColumns.toMoney(r.budget), r.targetRadiusKm == null ? null
                        : new GeoCircle(new GeoPoint(r.targetLatitude, r.targetLongitude), r.targetRadiusKm),
                r.createdAt);
    }

    static AdEntity toRow(Ad a) {
        AdEntity r = new AdEntity();
        r.campaignId = a.campaign().value();
        r.name = a.name();
        r.trackingCode = a.trackingCode();
        r.landingUrl = a.landingUrl();
        r.createdAt = a.createdAt();
        return r;
    }

    static Ad toAd(AdEntity r) {
        return new Ad(AdId.of(r.id), r.version, CampaignId.of(r.campaignId), r.name, r.trackingCode, r.landingUrl,
                r.createdAt);
    }

    static AffiliateEntity toRow(AffiliateSite a) {
        AffiliateEntity r = new AffiliateEntity();
        r.name = a.name();
        r.siteDomain = a.domain();
        r.trackingCode = a.trackingCode();
        r.createdAt = a.createdAt();
        return r;
    }

    static AffiliateSite toAffiliate(AffiliateEntity r) {
        return new AffiliateSite(AffiliateId.of(r.id), r.version, r.name, r.siteDomain, r.trackingCode, r.createdAt);
    }
}
