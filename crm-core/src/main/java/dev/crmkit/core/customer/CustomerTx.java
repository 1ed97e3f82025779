package dev.crmkit.core.customer;

import dev.crmkit.core.tracking.TrackingTx;

/**
 * The storage transaction as this capability sees it: the repositories of accounts, contacts, purchases and
 * feedback, over those of tracking.
 */
public interface CustomerTx extends TrackingTx {
    AccountRepository accounts();

    ContactRepository contacts();

    PurchaseRepository purchases();

    FeedbackRepository feedback();

    /** Leads and contacts searched together (a port: leads live above customer). */
    PeopleDirectory peopleDirectory();
}
