package dev.crmkit.core.tracking;

import dev.crmkit.core.consent.ConsentTx;
import dev.crmkit.core.sharing.SharingTx;

/**
 * The storage transaction as this capability sees it: the repositories of tracking, the people touchpoints name (a
 * port: leads and contacts live above tracking), their consent, and record sharing.
 */
public interface TrackingTx extends ConsentTx, SharingTx {
    CampaignRepository campaigns();

    AdRepository ads();

    AffiliateRepository affiliates();

    TouchpointRepository touchpoints();

    /** Leads, contacts and accounts as tracking resolves them. */
    TrackedPeople trackedPeople();
}
