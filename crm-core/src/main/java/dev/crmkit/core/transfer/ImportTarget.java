package dev.crmkit.core.transfer;

/** What an import creates and an export writes: leads, contacts or accounts. */
public enum ImportTarget {
    LEAD, CONTACT, ACCOUNT
}
