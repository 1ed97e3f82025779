package dev.crmkit.core.lead;

import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filter for listing leads; null or empty parts match everything. Spam and merged leads are excluded unless asked
 * for. Results are ordered by creation time, then id.
 */
public record LeadQuery(Set<LeadStatus> statuses, @Nullable UserId owner, @Nullable String country,
                        @Nullable String region, @Nullable String city, @Nullable Integer minScore,
                        @Nullable String tag, boolean includeSpam) {
    public LeadQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        Validation.lookup("country", country, false);
        Validation.lookup("region", region, false);
        Validation.lookup("city", city, false);
        Validation.lookup("tag", tag, false);
    }

    public static LeadQuery all() {
        return new LeadQuery(Set.of(), null, null, null, null, null, null, false);
    }

    public LeadQuery withStatuses(LeadStatus... s) {
        return new LeadQuery(Set.of(s), owner, country, region, city, minScore, tag, includeSpam);
    }

    public LeadQuery withOwner(UserId o) {
        return new LeadQuery(statuses, o, country, region, city, minScore, tag, includeSpam);
    }

    public LeadQuery withMinScore(Integer m) {
        return new LeadQuery(statuses, owner, country, region, city, m, tag, includeSpam);
    }

    public LeadQuery withTag(String t) {
        return new LeadQuery(statuses, owner, country, region, city, minScore, t, includeSpam);
    }

    public LeadQuery withCountry(String c) {
        return new LeadQuery(statuses, owner, c, region, city, minScore, tag, includeSpam);
    }
}
