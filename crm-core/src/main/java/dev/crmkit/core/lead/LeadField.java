package dev.crmkit.core.lead;

/** The lead fields a {@link FormMapping} can fill from a web form's fields. */
public enum LeadField {
    FIRST_NAME, LAST_NAME,
    /** "Ada Lovelace": split at the last space into first and last name when those are not mapped. */
    FULL_NAME,
    COMPANY, TITLE, EMAIL, PHONE, STREET, CITY, REGION, POSTAL_CODE,
    /** ISO 3166 alpha-2 code. */
    COUNTRY,
    /** An ad's tracking code (e.g. from a {@code utm_content} hidden field): sets ad and campaign attribution. */
    AD_CODE,
    /** An affiliate site's tracking code: sets affiliate attribution. */
    AFFILIATE_CODE,
    /** Consent checkboxes: "true", "on", "yes", "1" (any case) mean given. */
    CONSENT_EMAIL, CONSENT_PHONE, CONSENT_TRACKING, CONSENT_POSTAL,
    /** The anonymous visitor (cookie) id, when the form posts it as a hidden field. */
    VISITOR_ID,
    /** Comma-separated tags. */
    TAGS
}
