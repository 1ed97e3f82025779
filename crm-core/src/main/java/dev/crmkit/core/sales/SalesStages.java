package dev.crmkit.core.sales;

import dev.crmkit.core.common.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configurable open stages of the sales process, in order; the first is where new opportunities start. Closing
 * is not a stage of this list: a won opportunity is at {@link #WON}, a lost one at {@link #LOST}. Give a custom list
 * with {@code Crm.builder().with(new SalesStages(...))}.
 */
public record SalesStages(List<SalesStage> open) {
    /** Where won opportunities are: 100 %, CLOSED. */
    public static final SalesStage WON = new SalesStage("Closed Won", 100, ForecastCategory.CLOSED);
    /** Where lost opportunities are: 0 %, OMITTED. */
    public static final SalesStage LOST = new SalesStage("Closed Lost", 0, ForecastCategory.OMITTED);

    public SalesStages {
        open = List.copyOf(open);
        if (open.isEmpty()) {
            throw new ValidationException("open", "needs at least one stage");
        }
        Set<String> names = new HashSet<>();
        for (SalesStage s : open) {
            if (!names.add(s.name()) || s.name().equals(WON.name()) || s.name().equals(LOST.name())) {
                throw new ValidationException("open", "names stage '" + s.name() + "' twice");
            }
            if (!s.category().isOpen()) {
                throw new ValidationException("open", "stage '" + s.name() + "' needs an open forecast category");
            }
        }
    }

    /** Prospecting 10 %, Qualification 20 %, Proposal 50 %, Negotiation 75 %, Commit 90 %. */
    public static SalesStages defaults() {
        return new SalesStages(List.of(
                new SalesStage("Prospecting", 10, ForecastCategory.PIPELINE),
                new SalesStage("Qualification", 20, ForecastCategory.PIPELINE),
                new SalesStage("Proposal", 50, ForecastCategory.BEST_CASE),
                new SalesStage("Negotiation", 75, ForecastCategory.BEST_CASE),
                new SalesStage("Commit", 90, ForecastCategory.COMMIT)));
    }

    /** The open stage called {@code name}. */
    public Optional<SalesStage> find(String name) {
        return open.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public SalesStage first() {
        return open.get(0);
    }
}
