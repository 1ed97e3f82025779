package dev.crmkit.core.transfer;

import dev.crmkit.core.privacy.PrivacyTx;

/** The storage transaction as imports and exports see it: the people and companies, and the import records. */
public interface TransferTx extends PrivacyTx {
    ImportRepository imports();
}
