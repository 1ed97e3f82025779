package dev.crmkit.core.email;

/**
 * The sizes email templates and records keep; longer input is a {@code ValidationException} naming the field. The
 * JPA adapter's columns are exactly as wide.
 */
public final class EmailLimits {
    /** A template's name. */
    public static final int NAME = 200;
    /** A template's subject (before and after merging). */
    public static final int SUBJECT = 500;
    /** A template's HTML or text body, in characters. */
    public static final int BODY = 200_000;
    /** Where a consent change came from. */
    public static final int SOURCE = 200;
    /** A merge field's name. */
    public static final int FIELD = 64;
    /** Custom merge fields one template may declare. */
    public static final int FIELDS = 50;
    /** A merge value, in characters. */
    public static final int VALUE = 2000;
    /** Why a held email was cancelled; longer reasons are cut. */
    public static final int REASON = 500;
    /** A clicked URL. */
    public static final int URL = 2000;

    private EmailLimits() {
    }
}
