package dev.crmkit.core.tracking;

import dev.crmkit.core.spi.Tx;

/**
 * The storage transaction as this capability sees it: the repositories of tracking, and the people touchpoints
 * name (a port: leads and contacts live above tracking).
 */
public interface TrackingTx extends Tx {
    CampaignRepository campaigns();

    AdRepository ads();

    AffiliateRepository affiliates();

    TouchpointRepository touchpoints();

    /** Leads, contacts and accounts as tracking resolves them. */
    TrackedPeople trackedPeople();
}
