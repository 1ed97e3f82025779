package dev.crmkit.core.email;

/**
 * Marketing mail (newsletters, nurture, offers) needs the recipient's consent and carries an unsubscribe link;
 * transactional mail (an opt-in confirmation, a receipt, a password reset) answers something the recipient did and
 * goes out without either. A template is of one kind, and is sent only as that kind.
 */
public enum EmailKind {
    MARKETING,
    TRANSACTIONAL
}
