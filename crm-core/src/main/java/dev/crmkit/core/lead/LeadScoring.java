package dev.crmkit.core.lead;

import dev.crmkit.core.lead.ScoringRules.Attribute;
import dev.crmkit.core.tracking.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** Computes a score from {@link ScoringRules}; pure, so the same lead and touchpoints always give the same score. */
final class LeadScoring {
    private LeadScoring() {
    }

    static int score(Lead lead, Collection<Touchpoint> touchpoints, ScoringRules rules, Instant now) {
        double total = 0;
        for (Attribute a : Attribute.values()) {
            if (has(lead, a)) {
                total += rules.attributePoints().getOrDefault(a, 0);
            }
        }
        total += rules.sourcePoints().getOrDefault(lead.origin().source(), 0);
        for (Touchpoint t : touchpoints) {
            int points = rules.touchpointPoints().getOrDefault(t.kind(), 0);
            if (points != 0) {
                total += points * decay(rules.halfLife(), t.occurredAt(), now);
            }
        }
        long rounded = Math.round(total);
        return (int) Math.max(0, Math.min(rules.maxScore(), rounded));
    }

    /** 1 for an event now or in the future, halving every {@code halfLife} of age. */
    static double decay(Duration halfLife, Instant at, Instant now) {
        if (halfLife == null || halfLife.isZero() || !at.isBefore(now)) {
            return 1.0;
        }
        double ages = (double) Duration.between(at, now).toMillis() / halfLife.toMillis();
        return Math.pow(0.5, ages);
    }

    private static boolean has(Lead l, Attribute a) {
        return switch (a) {
            case HAS_EMAIL -> l.reach().email() != null;
            case HAS_PHONE -> l.reach().phone() != null;
            case HAS_COMPANY -> l.identity().company() != null;
            case HAS_TITLE -> l.identity().title() != null;
            case HAS_ADDRESS -> l.reach().address() != null;
            case EMAIL_CONSENT -> l.consent().emailMarketing();
        };
    }
}
