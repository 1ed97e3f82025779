package dev.crmkit.core.lead;

/**
 * The longest text, in characters, a lead keeps per field; longer input is a {@code ValidationException} naming the
 * field. The JPA adapter's columns have exactly these widths (a test there reads them from the database), so every
 * adapter accepts the same values. Emails, phones, owners and address parts are limited by their value types
 * ({@code EmailAddress}, {@code PhoneNumber}, {@code UserId}, {@code Address}); visitor ids by
 * {@code TrackingLimits.VISITOR_ID}.
 */
public final class LeadLimits {
    /** First name, last name, company and title. */
    public static final int NAME = 255;
    /** Each tag (after trimming and lower-casing). */
    public static final int TAG = 255;
    /** A phone number an import gave that could not be verified, kept as entered ({@code Lead.unverifiedPhone}). */
    public static final int UNVERIFIED_PHONE = 64;
    /** The reason given when a lead is disqualified. */
    public static final int UNQUALIFIED_REASON = 1000;
    /**
     * Custom fields of one lead. A web form's unmapped fields beyond it are not kept (see
     * {@link FormMapping.Builder#keepUnmapped}); a merge keeps the surviving lead's first.
     */
    public static final int CUSTOM_FIELDS = 100;
    /** Characters of a custom field's key (a form field name). */
    public static final int CUSTOM_FIELD_KEY = 255;
    /** Characters of a custom field's value: as long as any form field's ({@link FormMapping#MAX_VALUE_LENGTH}). */
    public static final int CUSTOM_FIELD_VALUE = FormMapping.MAX_VALUE_LENGTH;

    private LeadLimits() {
    }
}
