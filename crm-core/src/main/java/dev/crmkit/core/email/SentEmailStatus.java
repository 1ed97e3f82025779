package dev.crmkit.core.email;

/** What became of a {@link SentEmail}. */
public enum SentEmailStatus {
    /** Handed to the {@link EmailSender}. */
    SENT,
    /** Held for the recipient's quiet hours; {@code EmailService.sendDue()} sends it from its due time. */
    DEFERRED,
    /** Held, then not sent: consent was withdrawn, the address suppressed or the weekly cap reached meanwhile. */
    CANCELLED
}
