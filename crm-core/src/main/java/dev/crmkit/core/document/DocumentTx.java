package dev.crmkit.core.document;

import dev.crmkit.core.service.ServiceTx;

/** The storage transaction as documents see it: their records, and the records they are attached to. */
public interface DocumentTx extends ServiceTx {
    DocumentRepository documents();
}
