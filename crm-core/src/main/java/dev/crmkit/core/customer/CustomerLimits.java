package dev.crmkit.core.customer;

/**
 * The longest text, in characters, accounts, contacts and purchases keep per field; longer input is a
 * {@code ValidationException} naming the field. The JPA adapter's columns have exactly these widths (a test there
 * reads them from the database), so every adapter accepts the same values. Emails, phones, owners and address parts
 * are limited by their value types ({@code EmailAddress}, {@code PhoneNumber}, {@code UserId}, {@code Address}).
 */
public final class CustomerLimits {
    /** A contact's first and last name, and title. */
    public static final int PERSON_NAME = 255;
    /** An account's name. */
    public static final int ACCOUNT_NAME = 255;
    /** An account's industry. */
    public static final int INDUSTRY = 255;
    /** An account's website URL. */
    public static final int WEBSITE = 1000;
    /** Each tag of an account or contact (after trimming). */
    public static final int TAG = 255;
    /** A purchase's product code and product name. */
    public static final int PRODUCT = 255;
    /** A purchase's order reference. */
    public static final int ORDER_REFERENCE = 255;

    private CustomerLimits() {
    }
}
