package dev.crmkit.core.audit;

import dev.crmkit.core.spi.Tx;

/** The storage transaction as the audit trail sees it. */
public interface AuditTx extends Tx {
    AuditRepository audit();
}
