package dev.crmkit.core.lead;

/**
 * When a new lead counts as a possible duplicate, given to {@code Crm.builder().with(rules)}. Equal normalized email
 * or phone always matches. Name and company match when the blocking key ({@code MatchKeys.person}) is equal and the
 * Jaro-Winkler similarity of the full names and of the company names each reach {@code nameCompanySimilarity}.
 */
public record DuplicateRules(double nameCompanySimilarity) {
    public DuplicateRules {
        if (!(nameCompanySimilarity > 0 && nameCompanySimilarity <= 1)) {
            throw new IllegalArgumentException("nameCompanySimilarity must be in (0, 1]");
        }
    }

    public static DuplicateRules defaults() {
        return new DuplicateRules(0.88);
    }
}
