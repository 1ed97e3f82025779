package dev.crmkit.core.email;

import dev.crmkit.core.lead.LeadTx;

/**
 * The storage transaction as this capability sees it: templates, recipients with their consent logs, and sent
 * emails; tracking below it, where sent emails and clicks become touchpoints, and the leads and contacts whose
 * consent follows their address's.
 */
public interface EmailTx extends LeadTx {
    EmailTemplateRepository emailTemplates();

    EmailRecipientRepository emailRecipients();

    SentEmailRepository sentEmails();
}
