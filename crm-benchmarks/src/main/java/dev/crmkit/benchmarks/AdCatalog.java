package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.tracking.AdDetails;
import dev.crmkit.core.tracking.AffiliateDetails;
import dev.crmkit.core.tracking.CampaignDetails;
import java.util.ArrayList;
import java.util.List;

/** A campaign with ads coded {@code AD-0..} and affiliate sites coded {@code AFF-0..}, made through the API. */
record AdCatalog(CampaignId campaign, List<AdId> ads, List<AffiliateId> sites) {
    static AdCatalog create(Crm crm, int ads, int affiliates) {
        CampaignId campaign = crm.tracking().createCampaign(CampaignDetails.named("Launch", Channel.WEB));
        List<AdId> adIds = new ArrayList<>();
        for (int a = 0; a < ads; a++) {
            adIds.add(crm.tracking().createAd(new AdDetails(campaign, "Ad " + a, "AD-" + a, "https://shop.example/")));
        }
        List<AffiliateId> sites = new ArrayList<>();
        for (int f = 0; f < affiliates; f++) {
            sites.add(crm.tracking().createAffiliate(new AffiliateDetails("Site " + f, "site" + f + ".example",
                    "AFF-" + f)));
        }
        return new AdCatalog(campaign, adIds, sites);
    }
}
