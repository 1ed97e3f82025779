package dev.crmkit.core.common;

/**
 * What the person agreed to. Kept with the lead and carried to the contact on conversion; automation must not email
 * a person without {@code emailMarketing}.
 */
public record Consent(boolean emailMarketing, boolean phoneContact, boolean tracking) {
    public static final Consent NONE = new Consent(false, false, false);
    public static final Consent ALL = new Consent(true, true, true);
}
