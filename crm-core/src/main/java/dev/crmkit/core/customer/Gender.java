package dev.crmkit.core.customer;

/** Optional self-described gender, kept only for demographic reports. */
public enum Gender {
    FEMALE, MALE, DIVERSE, UNDISCLOSED
}
