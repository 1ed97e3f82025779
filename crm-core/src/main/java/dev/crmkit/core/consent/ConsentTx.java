package dev.crmkit.core.consent;

import dev.crmkit.core.spi.Tx;

/** The storage transaction as consent sees it. */
public interface ConsentTx extends Tx {
    ConsentRepository consents();
}
