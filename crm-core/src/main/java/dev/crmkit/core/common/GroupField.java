package dev.crmkit.core.common;

/** Fields people (leads and contacts) can be grouped and counted by. */
public enum GroupField {
    /** Lifecycle stage: PROSPECT or CUSTOMER (leads are always prospects). */
    STAGE,
    /** Qualification: a lead's status; for contacts, their stage. */
    QUALIFICATION,
    OWNER,
    COUNTRY,
    REGION,
    CITY
}
