package dev.crmkit.core.lead;

/** How a lead reached us. */
public enum LeadSource {
    MANUAL, WEB_FORM, AD, AFFILIATE, EMAIL_CAMPAIGN, PHONE, CHAT, SOCIAL, REFERRAL, EVENT, IMPORT, OTHER
}
