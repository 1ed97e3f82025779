package dev.crmkit.core.email;

import dev.crmkit.core.tracking.TrackingTx;

/**
 * The storage transaction as this capability sees it: templates, recipients with their consent logs, and sent
 * emails; tracking below it, where sent emails and clicks become touchpoints.
 */
public interface EmailTx extends TrackingTx {
    EmailTemplateRepository emailTemplates();

    EmailRecipientRepository emailRecipients();

    SentEmailRepository sentEmails();
}
