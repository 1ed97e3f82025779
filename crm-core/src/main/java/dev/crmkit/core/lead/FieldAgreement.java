package dev.crmkit.core.lead;

/**
 * How one field of two records compared, and what it added to their match score: part of a
 * {@link DuplicateMatch}'s explanation. Fields missing on either side are left out (they weigh nothing).
 *
 * @param weight the log2 likelihood ratio this level adds (negative for disagreement)
 */
public record FieldAgreement(MatchField field, Level level, double weight) {
    /** How close the two values are; what counts as {@code CLOSE} depends on the field (see {@link DuplicateRules}). */
    public enum Level { EXACT, CLOSE, DIFFERENT }
}
