package dev.crmkit.core.common;

/**
 * What the person agreed to. Kept with the lead and carried to the contact on conversion; automation must not email
 * a person without {@code emailMarketing}, and a direct-mail list leaves out everyone without {@code postalMail}.
 *
 * @param postalMail marketing by post (letters, catalogues) to their postal address
 */
public record Consent(boolean emailMarketing, boolean phoneContact, boolean tracking, boolean postalMail) {
    public static final Consent NONE = new Consent(false, false, false, false);
    public static final Consent ALL = new Consent(true, true, true, true);

    /** Consent without an answer about postal mail (taken as no). */
    public Consent(boolean emailMarketing, boolean phoneContact, boolean tracking) {
        this(emailMarketing, phoneContact, tracking, false);
    }

    /** The most restrictive of the two: what both allow. A merge never widens what a person agreed to. */
    public Consent and(Consent other) {
        return new Consent(emailMarketing && other.emailMarketing, phoneContact && other.phoneContact,
                tracking && other.tracking, postalMail && other.postalMail);
    }
}
