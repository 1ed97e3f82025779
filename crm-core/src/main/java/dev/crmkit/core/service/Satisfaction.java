package dev.crmkit.core.service;

/** The customer's rating of a closed case, 1 (bad) to 5 (great), with an optional remark. */
public record Satisfaction(int rating, String comment) {
    public static Satisfaction of(int rating) {
        return new Satisfaction(rating, null);
    }
}
