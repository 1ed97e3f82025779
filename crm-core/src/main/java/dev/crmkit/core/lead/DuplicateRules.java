package dev.crmkit.core.lead;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How duplicates are scored, given to {@code Crm.builder().with(rules)}: Fellegi–Sunter weights per field and two
 * thresholds. Each compared field adds {@code log2(m / u)} for its agreement level, where {@code m} is how often the
 * level occurs between two records of the same person and {@code u} how often between two different people; a field
 * missing on either side adds nothing. A score of at least {@code possible} flags the record as a possible duplicate,
 * at least {@code almostCertain} as an almost certain one (a merge suggestion). An equal email address or phone
 * number always flags, whatever the other fields say. Matching only flags: it never refuses a lead.
 *
 * <p>Levels: names, city and company are {@code CLOSE} at Jaro-Winkler ≥ 0.9 (company: after dropping legal
 * forms; names also when they sound the same), emails and phones one edit or one swap of neighbours apart, birth
 * dates with day and month swapped or one digit off, postal codes and website domains one character or one swap
 * apart, streets sharing most
 * of their words; in streets, cities and companies any numbers must agree too (a neighbour is not a duplicate).
 *
 * @param fields the weights of every {@link MatchField}
 */
public record DuplicateRules(double possible, double almostCertain, Map<MatchField, Weights> fields) {
    /**
     * The probabilities of one field's levels: {@code m} among pairs of one person, {@code u} among pairs of two
     * people; the rest ({@code 1 - exact - close}) is the probability of {@code DIFFERENT}.
     */
    public record Weights(double mExact, double mClose, double uExact, double uClose) {
        /** The weight {@code level} adds to a score. */
        public double weight(FieldAgreement.Level level) {
            return switch (level) {
                case EXACT -> log2(mExact / uExact);
                case CLOSE -> log2(mClose / uClose);
                case DIFFERENT -> log2((1 - mExact - mClose) / (1 - uExact - uClose));
            };
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    /** Checks every setting and reports each bad one under its name ({@code fields[LAST_NAME].mExact}, ...). */
    public DuplicateRules {
        Objects.requireNonNull(fields, "fields");
        fields = Map.copyOf(fields);
        List<FieldError> errors = new ArrayList<>();
        if (!Double.isFinite(possible)) {
            errors.add(new FieldError("possible", "must be a finite number"));
        }
        if (!Double.isFinite(almostCertain) || !(almostCertain >= possible)) {
            errors.add(new FieldError("almostCertain", "must be a finite number at least possible (" + possible
                    + ")"));
        }
        for (MatchField f : MatchField.values()) {
            Weights w = fields.get(f);
            String name = "fields[" + f + "]";
            if (w == null) {
                errors.add(new FieldError(name, "is required"));
                continue;
            }
            probability(errors, name + ".mExact", w.mExact());
            probability(errors, name + ".mClose", w.mClose());
            probability(errors, name + ".uExact", w.uExact());
            probability(errors, name + ".uClose", w.uClose());
            if (!(w.mExact() + w.mClose() < 1)) {
                errors.add(new FieldError(name + ".mClose", "mExact + mClose must be below 1"));
            }
            if (!(w.uExact() + w.uClose() < 1)) {
                errors.add(new FieldError(name + ".uClose", "uExact + uClose must be below 1"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void probability(List<FieldError> errors, String name, double p) {
        if (!(p > 0 && p < 1)) {
            errors.add(new FieldError(name, "must be a probability above 0 and below 1"));
        }
    }

    /**
     * Weights for people in a CRM of up to millions of records, checked on FEBRL 4a + 4b (see the design notes):
     * possible duplicate from 12, almost certain from 24.
     */
    public static DuplicateRules defaults() {
        return DEFAULTS;
    }

    // Built once: the services ask for the defaults on every capture when a host set none.
    private static final DuplicateRules DEFAULTS = buildDefaults();

    private static DuplicateRules buildDefaults() {
        Map<MatchField, Weights> w = new EnumMap<>(MatchField.class);
        w.put(MatchField.FIRST_NAME, new Weights(0.80, 0.12, 0.01, 0.01));
        w.put(MatchField.LAST_NAME, new Weights(0.85, 0.10, 0.003, 0.005));
        w.put(MatchField.BIRTH_DATE, new Weights(0.85, 0.10, 0.0003, 0.002));
        w.put(MatchField.STREET, new Weights(0.75, 0.15, 0.0005, 0.002));
        w.put(MatchField.CITY, new Weights(0.80, 0.10, 0.01, 0.005));
        w.put(MatchField.POSTAL_CODE, new Weights(0.80, 0.10, 0.005, 0.02));
        w.put(MatchField.REGION, new Weights(0.90, 0.02, 0.2, 0.02));
        w.put(MatchField.EMAIL, new Weights(0.60, 0.10, 0.00001, 0.0001));
        w.put(MatchField.PHONE, new Weights(0.60, 0.10, 0.00001, 0.0001));
        w.put(MatchField.COMPANY, new Weights(0.70, 0.10, 0.001, 0.005));
        w.put(MatchField.WEBSITE, new Weights(0.75, 0.05, 0.0005, 0.001));
        return new DuplicateRules(12, 24, w);
    }

    /** A copy with other thresholds. */
    public DuplicateRules withThresholds(double newPossible, double newAlmostCertain) {
        return new DuplicateRules(newPossible, newAlmostCertain, fields);
    }

    /** A copy with other weights for {@code field}. */
    public DuplicateRules with(MatchField field, Weights weights) {
        Map<MatchField, Weights> copy = new EnumMap<>(fields);
        copy.put(field, weights);
        return new DuplicateRules(possible, almostCertain, copy);
    }

    /** The weights of {@code field}; every field has them (the constructor refuses rules that miss one). */
    public Weights weights(MatchField field) {
        Weights w = fields.get(field);
        if (w == null) {
            throw new IllegalStateException("no weights for " + field);
        }
        return w;
    }
}
