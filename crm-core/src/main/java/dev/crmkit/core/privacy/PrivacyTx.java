package dev.crmkit.core.privacy;

import dev.crmkit.core.audit.AuditTx;
import dev.crmkit.core.automation.AutomationTx;
import dev.crmkit.core.document.DocumentTx;

/** The storage transaction as data-subject requests see it: every capability that holds personal data. */
public interface PrivacyTx extends AutomationTx, DocumentTx, AuditTx {
    /** What an erasure deletes or rewrites below the aggregates. */
    ErasureRepository erasure();
}
