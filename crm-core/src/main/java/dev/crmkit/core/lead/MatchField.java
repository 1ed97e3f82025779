package dev.crmkit.core.lead;

/**
 * A field duplicate matching compares, with its own agreement weights in {@link DuplicateRules}. Accounts are
 * compared by {@code COMPANY} (their name), {@code WEBSITE} (its domain) and their address.
 */
public enum MatchField {
    FIRST_NAME, LAST_NAME, BIRTH_DATE, STREET, CITY, POSTAL_CODE, REGION, EMAIL, PHONE, COMPANY, WEBSITE
}
