package dev.crmkit.core.email;

/**
 * Host port that delivers one rendered email (SMTP: {@code dev.crmkit.mail.smtp.SmtpEmailSender} in crm-mail-smtp;
 * tests and examples: {@link RecordingEmailSender}). Give it to {@code Crm.builder().with(sender)}.
 *
 * <p>{@link #send} returns once the message was handed on (accepted by the SMTP server); anything else is an
 * {@link EmailSendException}, which the email service lets through with nothing recorded.
 */
@FunctionalInterface
public interface EmailSender {
    /** Sends {@code message}, or throws {@link EmailSendException}. */
    void send(EmailMessage message);
}
