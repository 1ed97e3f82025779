package dev.crmkit.core.lead;

import java.util.List;

/**
 * A batch of leads {@link LeadService#matchAll matched} and ready to be {@link LeadService#storeMatched stored}.
 * Opaque apart from its outcomes.
 */
public final class MatchedCaptures {
    private final List<BatchCapture> outcomes;
    private final List<Lead> ready;
    private final BatchCandidates pool;

    MatchedCaptures(List<BatchCapture> outcomes, List<Lead> ready, BatchCandidates pool) {
        this.outcomes = List.copyOf(outcomes);
        this.ready = List.copyOf(ready);
        this.pool = pool;
    }

    /** One outcome per lead, in order, as storing will make them: the ids the stored leads will have. */
    public List<BatchCapture> outcomes() {
        return outcomes;
    }

    List<Lead> ready() {
        return ready;
    }

    BatchCandidates pool() {
        return pool;
    }
}
