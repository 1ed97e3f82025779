package dev.crmkit.reporting;

/**
 * What a report can group and filter by. Which dimensions a fact has is {@link FactSource#dimensions()}. Every
 * value is a text key: enum constants by name, ids as UUID text, {@link #DAY} as {@code 2026-01-05},
 * {@link #WEEK} as the ISO week {@code 2026-W02}, {@link #MONTH} as {@code 2026-01} (all in UTC). A missing value
 * is {@code null}. Ads, campaigns and affiliate sites also get their names as labels in a result.
 */
public enum Dimension {
    /** A touchpoint's {@code TouchpointKind}, e.g. {@code AD_CLICK}. */
    KIND,
    CAMPAIGN,
    AD,
    AFFILIATE,
    CHANNEL,
    /** The rep of a call or visit; for purchases, each rep involved (see {@link FactSource#PURCHASES}). */
    REP,
    /** The anonymous web visitor of a touchpoint. */
    VISITOR,
    LEAD,
    CONTACT,
    ACCOUNT,
    /** A lead's {@code LeadSource}. */
    SOURCE,
    /** A lead's {@code LeadStatus}. */
    STATUS,
    /** The owning user of a lead or contact. */
    OWNER,
    /** ISO 3166 alpha-2 code of the address. */
    COUNTRY,
    REGION,
    CITY,
    AGE_BAND,
    GENDER,
    /** The industry of the contact's account. */
    INDUSTRY,
    /** A contact's lifecycle stage. */
    STAGE,
    /** A purchase's product code. */
    PRODUCT,
    /** The {@link PriceBand} of a purchase's unit price. */
    PRICE_BAND,
    /** ISO 4217 code of a money value: group or filter by it when a tenant sells in several currencies. */
    CURRENCY,
    DAY,
    WEEK,
    MONTH;

    /** True for the calendar dimensions, derived from the fact's time. */
    public boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }
}
