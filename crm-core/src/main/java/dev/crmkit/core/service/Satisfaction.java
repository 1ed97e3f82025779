package dev.crmkit.core.service;

import org.jspecify.annotations.Nullable;

/** The customer's rating of a closed case, 1 (bad) to 5 (great), with an optional remark. */
public record Satisfaction(int rating, @Nullable String comment) {
    public static Satisfaction of(int rating) {
        return new Satisfaction(rating, null);
    }
}
