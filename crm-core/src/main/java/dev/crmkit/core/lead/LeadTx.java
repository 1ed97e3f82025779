package dev.crmkit.core.lead;

import dev.crmkit.core.sales.SalesTx;
import java.util.Collection;

/**
 * The storage transaction as this capability sees it: the lead repository, over those of everything a lead is
 * converted into or moves: sales, customers, tracking and tasks.
 */
public interface LeadTx extends SalesTx {
    LeadRepository leads();

    /**
     * The leads and contacts sharing one of {@code keys}: {@link LeadRepository#findByBlockingKeys} and
     * {@code contacts().findByMatchKeys} in one call, so that an adapter may read both key tables in one query
     * (matching asks on every capture).
     */
    default MatchCandidates matchCandidates(Collection<String> keys) {
        return new MatchCandidates(leads().findByBlockingKeys(keys), contacts().findByMatchKeys(keys));
    }
}
