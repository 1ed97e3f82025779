package dev.crmkit.core.lead;

import dev.crmkit.core.common.LeadId;
import java.util.List;
import java.util.Map;

/**
 * A batch of leads {@link LeadService#matchAll matched} and ready to be {@link LeadService#storeMatched stored}.
 * Opaque apart from its outcomes.
 */
public final class MatchedCaptures {
    private final List<BatchCapture> outcomes;
    private final List<Lead> ready;
    private final Map<LeadId, DuplicateFinder.Candidate> candidates;
    private final BatchCandidates pool;

    MatchedCaptures(List<BatchCapture> outcomes, List<Lead> ready, Map<LeadId, DuplicateFinder.Candidate> candidates,
                    BatchCandidates pool) {
        this.outcomes = List.copyOf(outcomes);
        this.ready = List.copyOf(ready);
        this.candidates = Map.copyOf(candidates);
        this.pool = pool;
    }

    /** One outcome per lead, in order, as storing will make them: the ids the stored leads will have. */
    public List<BatchCapture> outcomes() {
        return outcomes;
    }

    List<Lead> ready() {
        return ready;
    }

    Map<LeadId, DuplicateFinder.Candidate> candidates() {
        return candidates;
    }

    BatchCandidates pool() {
        return pool;
    }
}
