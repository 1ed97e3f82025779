package dev.crmkit.core.consent;

/** What a person's data may be used for, each agreed to or refused on its own. */
public enum ConsentPurpose {
    /** Marketing email (the lead's and contact's {@code emailMarketing}). */
    EMAIL_MARKETING,
    /** Marketing text messages. */
    SMS,
    /** Sales and marketing calls (the {@code phoneContact} flag). */
    PHONE,
    /** Tracking of their activity to score and attribute it (the {@code tracking} flag). */
    PROFILING,
    /** Marketing by post (the {@code postalMail} flag). */
    POSTAL_MAIL
}
