package dev.crmkit.core.common;

/** The medium of an interaction. */
public enum Channel {
    WEB, EMAIL, PHONE, CHAT,
    /** Postal mail: letters, catalogues, direct-mail pieces. */
    MAIL,
    SOCIAL, IN_PERSON, SMS
}
