package dev.crmkit.core.lead;

import dev.crmkit.core.common.AdId;
import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.CampaignId;
import org.jspecify.annotations.Nullable;

/** Which campaign, ad and affiliate site brought a lead; every part is optional. */
public record Attribution(@Nullable CampaignId campaign, @Nullable AdId ad, @Nullable AffiliateId affiliate) {
    public static final Attribution NONE = new Attribution(null, null, null);

    public boolean isEmpty() {
        return campaign == null && ad == null && affiliate == null;
    }
}
