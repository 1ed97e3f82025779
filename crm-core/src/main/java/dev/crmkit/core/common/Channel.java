package dev.crmkit.core.common;

/** The medium of an interaction. */
public enum Channel {
    WEB, EMAIL, PHONE, CHAT, MAIL, SOCIAL, IN_PERSON
}
