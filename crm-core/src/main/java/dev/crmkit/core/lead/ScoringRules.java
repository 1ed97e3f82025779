package dev.crmkit.core.lead;

import dev.crmkit.core.tracking.TouchpointKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rule-based lead scoring, given to {@code Crm.builder().with(rules)}. A lead's score is the points of the
 * attributes it has, plus the points of its source, plus for each touchpoint the points of its kind decayed by age:
 * {@code points × 0.5^(age / halfLife)}, so last month's click counts half of today's when the half-life is a month.
 * Bulk ad impressions count once per touchpoint, not per impression. The total is rounded half-up and kept within
 * 0..{@code maxScore}.
 *
 * @param halfLife  null or zero: touchpoints never decay
 */
public record ScoringRules(Map<Attribute, Integer> attributePoints, Map<LeadSource, Integer> sourcePoints,
                           Map<TouchpointKind, Integer> touchpointPoints, Duration halfLife, int maxScore) {

    /** What a lead has that makes it more promising. */
    public enum Attribute { HAS_EMAIL, HAS_PHONE, HAS_COMPANY, HAS_TITLE, HAS_ADDRESS, EMAIL_CONSENT }

    public ScoringRules {
        attributePoints = copy(attributePoints, Attribute.class);
        sourcePoints = copy(sourcePoints, LeadSource.class);
        touchpointPoints = copy(touchpointPoints, TouchpointKind.class);
        if (halfLife != null && halfLife.isNegative()) {
            throw new IllegalArgumentException("halfLife must not be negative");
        }
        if (maxScore < 1) {
            throw new IllegalArgumentException("maxScore must be at least 1");
        }
    }

    /**
     * A reasonable start: contact details and engagement count, a conversion most; touchpoints halve in 30 days;
     * scores are 0..100.
     */
    public static ScoringRules defaults() {
        return DEFAULTS;
    }

    // Built once: the services ask for the defaults on every capture when a host set none.
    private static final ScoringRules DEFAULTS = new ScoringRules(
                Map.of(Attribute.HAS_EMAIL, 5, Attribute.HAS_PHONE, 5, Attribute.HAS_COMPANY, 10,
                        Attribute.HAS_TITLE, 5, Attribute.HAS_ADDRESS, 5, Attribute.EMAIL_CONSENT, 5),
                Map.of(LeadSource.REFERRAL, 15, LeadSource.EVENT, 10, LeadSource.WEB_FORM, 5),
                Map.of(TouchpointKind.AD_CLICK, 3, TouchpointKind.EMAIL_CLICK, 4, TouchpointKind.FORM_SUBMISSION, 10,
                        TouchpointKind.CONVERSION, 25, TouchpointKind.PHONE_CALL, 8, TouchpointKind.SITE_VISIT, 15),
                Duration.ofDays(30), 100);

    /** These rules with {@code points} for touchpoints of {@code kind}. */
    public ScoringRules withTouchpointPoints(TouchpointKind kind, int points) {
        Map<TouchpointKind, Integer> m = new EnumMap<>(TouchpointKind.class);
        m.putAll(touchpointPoints);
        m.put(kind, points);
        return new ScoringRules(attributePoints, sourcePoints, m, halfLife, maxScore);
    }

    /** These rules with {@code points} for leads that have {@code attribute}. */
    public ScoringRules withAttributePoints(Attribute attribute, int points) {
        Map<Attribute, Integer> m = new EnumMap<>(Attribute.class);
        m.putAll(attributePoints);
        m.put(attribute, points);
        return new ScoringRules(m, sourcePoints, touchpointPoints, halfLife, maxScore);
    }

    /** These rules with another half-life (null: no decay). */
    public ScoringRules withHalfLife(Duration value) {
        return new ScoringRules(attributePoints, sourcePoints, touchpointPoints, value, maxScore);
    }

    private static <K extends Enum<K>> Map<K, Integer> copy(Map<K, Integer> in, Class<K> type) {
        Map<K, Integer> out = new EnumMap<>(type);
        if (in != null) {
            in.forEach((k, v) -> out.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        }
        return Map.copyOf(out);
    }
}
