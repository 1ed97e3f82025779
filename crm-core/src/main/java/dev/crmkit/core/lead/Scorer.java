package dev.crmkit.core.lead;

import dev.crmkit.core.common.Similarity;
import dev.crmkit.core.lead.DuplicateMatch.Certainty;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import dev.crmkit.core.lead.FieldAgreement.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Fellegi–Sunter scoring of two profiles with the weights of {@link DuplicateRules}. */
final class Scorer {
    /** Jaro-Winkler similarity from which two names, cities or companies are {@code CLOSE}. */
    static final double CLOSE_TEXT = 0.9;
    /** Share of street words (Dice) from which two streets are {@code CLOSE}. */
    static final double CLOSE_STREET = 0.6;
    private static final int PHONE_DIGITS = 7;
    private static final int PHONE_TAIL = 9;

    /** The outcome of comparing two records: their score, its evidence, and whether it is a match. */
    record Result(double score, Reason reason, @Nullable Certainty certainty, List<FieldAgreement> explanation) {
        boolean isMatch() {
            return certainty != null;
        }

        /** The certainty of a result that {@link #isMatch()}. */
        Certainty matchCertainty() {
            if (certainty == null) {
                throw new IllegalStateException("not a match");
            }
            return certainty;
        }

        double similarity() {
            return 1 / (1 + Math.pow(2, -score));
        }
    }

    /** The scorer of the rules last asked for: hosts set rules once, and the weights table is built per rules. */
    private static volatile @Nullable Scorer last;
    private static final MatchField[] FIELDS = MatchField.values();
    /**
     * The order fields are compared in after email and phone: cheap comparisons first, so that {@link #match} rules
     * most candidates out before their names and streets are compared letter by letter. Both names are compared at
     * {@code LAST_NAME} (a swap is judged on the two together).
     */
    private static final MatchField[] CHEAP_FIRST = {MatchField.BIRTH_DATE, MatchField.POSTAL_CODE,
        MatchField.REGION, MatchField.WEBSITE, MatchField.CITY, MatchField.LAST_NAME, MatchField.FIRST_NAME,
        MatchField.COMPANY, MatchField.STREET};
    /** Room for rounding: the bound adds the same weights as the score, in another order. */
    private static final double ROUNDING = 1e-9;
    /** Digits packed into a long: their count above {@link #COUNT_SHIFT}, their value below (leading zeros count). */
    private static final int COUNT_SHIFT = 58;
    private static final long VALUE = (1L << COUNT_SHIFT) - 1;
    /** More digits than a long holds (16 at most): compared as text. */
    private static final long MANY_DIGITS = -1;
    private static final int MAX_DIGITS = 16;
    private static final long[] POWERS = new long[MAX_DIGITS];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < MAX_DIGITS; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final DuplicateRules rules;
    /** Weight per field ordinal and level ordinal. */
    private final double[][] weights = new double[FIELDS.length][];
    /** The most a field can add: its best level's weight, or nothing when every level weighs against a match. */
    private final double[] best = new double[FIELDS.length];

    /** A scorer for {@code rules}, the one built before when the rules are the same object. */
    static Scorer of(DuplicateRules rules) {
        Scorer s = last;
        if (s == null || s.rules != rules) {
            s = new Scorer(rules);
            last = s;
        }
        return s;
    }

    Scorer(DuplicateRules rules) {
        this.rules = rules;
        rules.fields().forEach((field, w) -> {
            double[] byLevel = new double[Level.values().length];
            for (Level level : Level.values()) {
                byLevel[level.ordinal()] = w.weight(level);
                best[field.ordinal()] = Math.max(best[field.ordinal()], byLevel[level.ordinal()]);
            }
            weights[field.ordinal()] = byLevel;
        });
    }

    /** How {@code a} and {@code b} compare, with every field's agreement, whether or not they match. */
    Result score(Profile a, Profile b) {
        return Objects.requireNonNull(compare(a, b, false), "a result is built for every pair");
    }

    /**
     * As {@link #score}, but only for a match: a candidate is left as soon as the fields still to compare cannot
     * lift its score to the {@code possible} threshold, so most non-matches cost a few cheap comparisons.
     */
    @Nullable Result match(Profile a, Profile b) {
        return compare(a, b, true);
    }

    private @Nullable Result compare(Profile a, Profile b, boolean onlyMatch) {
        Level[] levels = new Level[FIELDS.length];
        levels[MatchField.EMAIL.ordinal()] = level(MatchField.EMAIL, a, b);
        levels[MatchField.PHONE.ordinal()] = level(MatchField.PHONE, a, b);
        // An equal email or phone always flags, whatever the rest weighs: nothing to leave early then.
        boolean leaveEarly = onlyMatch && levels[MatchField.EMAIL.ordinal()] != Level.EXACT
                && levels[MatchField.PHONE.ordinal()] != Level.EXACT;
        // The best score still possible: what is known so far plus the best level of every field both have.
        double bound = weight(MatchField.EMAIL, levels[MatchField.EMAIL.ordinal()])
                + weight(MatchField.PHONE, levels[MatchField.PHONE.ordinal()]);
        if (leaveEarly) {
            for (MatchField field : CHEAP_FIRST) {
                bound += best(field, a, b);
            }
        }
        for (MatchField field : CHEAP_FIRST) {
            if (field == MatchField.LAST_NAME) {
                names(a, b, levels); // the first name too, which follows in CHEAP_FIRST
            } else if (field != MatchField.FIRST_NAME) {
                levels[field.ordinal()] = level(field, a, b);
            }
            if (leaveEarly) {
                bound += weight(field, levels[field.ordinal()]) - best(field, a, b);
                if (bound < rules.possible() - ROUNDING) {
                    return null;
                }
            }
        }
        return result(levels, onlyMatch);
    }

    /** The result of the levels of every field ({@code null}: missing on a side), or null for no match if asked. */
    private @Nullable Result result(@Nullable Level[] levels, boolean onlyMatch) {
        double score = 0;
        for (MatchField field : FIELDS) {
            score += weight(field, levels[field.ordinal()]);
        }
        Level email = levels[MatchField.EMAIL.ordinal()];
        Level phone = levels[MatchField.PHONE.ordinal()];
        Level company = levels[MatchField.COMPANY.ordinal()];
        Level lastName = levels[MatchField.LAST_NAME.ordinal()];
        Reason reason = email == Level.EXACT ? Reason.EMAIL : phone == Level.EXACT ? Reason.PHONE
                : company != null && company != Level.DIFFERENT && lastName != null && lastName != Level.DIFFERENT
                ? Reason.NAME_AND_COMPANY : Reason.PERSON;
        Certainty certainty = score >= rules.almostCertain() ? Certainty.ALMOST_CERTAIN
                : score >= rules.possible() || reason == Reason.EMAIL || reason == Reason.PHONE ? Certainty.POSSIBLE
                : null;
        if (certainty == null && onlyMatch) {
            return null;
        }
        List<FieldAgreement> why = new ArrayList<>(FIELDS.length);
        for (MatchField field : FIELDS) {
            Level level = levels[field.ordinal()];
            if (level != null) {
                why.add(new FieldAgreement(field, level, weight(field, level)));
            }
        }
        return new Result(score, reason, certainty, why);
    }

    /** How one field other than the names compares, or null when either side lacks it. */
    private static @Nullable Level level(MatchField field, Profile a, Profile b) {
        return switch (field) {
            case BIRTH_DATE -> birthDate(a.birthDate(), b.birthDate());
            case STREET -> street(a, b);
            case CITY -> text(a.city(), b.city());
            case POSTAL_CODE -> code(a.postalCode(), b.postalCode());
            case REGION -> a.region().isEmpty() || b.region().isEmpty() ? null
                    : a.region().equals(b.region()) ? Level.EXACT : Level.DIFFERENT;
            case EMAIL -> email(a, b);
            case PHONE -> a.phoneVerified() && b.phoneVerified() ? code(a.phone(), b.phone())
                    : code(tail(a.phone()), tail(b.phone()));
            case COMPANY -> text(a.company(), b.company());
            case WEBSITE -> code(a.domain(), b.domain());
            case FIRST_NAME, LAST_NAME -> throw new IllegalArgumentException("names compare together: " + field);
        };
    }

    /** Whether both sides have a value of {@code field}, so that comparing it adds a weight. */
    private static boolean bothHave(MatchField field, Profile a, Profile b) {
        return switch (field) {
            case FIRST_NAME -> !a.first().isEmpty() && !b.first().isEmpty();
            case LAST_NAME -> !a.last().isEmpty() && !b.last().isEmpty();
            case BIRTH_DATE -> a.birthDate() != null && b.birthDate() != null;
            case STREET -> !a.streetText().isEmpty() && !b.streetText().isEmpty();
            case CITY -> !a.city().isEmpty() && !b.city().isEmpty();
            case POSTAL_CODE -> !a.postalCode().isEmpty() && !b.postalCode().isEmpty();
            case REGION -> !a.region().isEmpty() && !b.region().isEmpty();
            case EMAIL -> !a.email().isEmpty() && !b.email().isEmpty();
            case PHONE -> !a.phone().isEmpty() && !b.phone().isEmpty();
            case COMPANY -> !a.company().isEmpty() && !b.company().isEmpty();
            case WEBSITE -> !a.domain().isEmpty() && !b.domain().isEmpty();
        };
    }

    private double best(MatchField field, Profile a, Profile b) {
        return bothHave(field, a, b) ? best[field.ordinal()] : 0;
    }

    /** First and last name as given, or swapped when that agrees better (a common slip in forms and imports). */
    private void names(Profile a, Profile b, @Nullable Level[] levels) {
        Level first = name(a.first(), b.first());
        Level last = name(a.last(), b.last());
        if (first != Level.EXACT || last != Level.EXACT) {
            // a's first name against b's last name, and a's last against b's first: which of the two comparisons
            // counts as the first name is taken the way that weighs less, so the score is the same from either side.
            Level one = name(a.first(), b.last());
            Level other = name(a.last(), b.first());
            if (one != null && other != null) {
                double oneFirst = weight(MatchField.FIRST_NAME, one) + weight(MatchField.LAST_NAME, other);
                double otherFirst = weight(MatchField.FIRST_NAME, other) + weight(MatchField.LAST_NAME, one);
                boolean oneAsFirst = oneFirst < otherFirst || (oneFirst == otherFirst && one.compareTo(other) <= 0);
                Level swappedFirst = oneAsFirst ? one : other;
                Level swappedLast = oneAsFirst ? other : one;
                if (Math.min(oneFirst, otherFirst)
                        > weight(MatchField.FIRST_NAME, first) + weight(MatchField.LAST_NAME, last)) {
                    first = swappedFirst;
                    last = swappedLast;
                }
            }
        }
        levels[MatchField.FIRST_NAME.ordinal()] = first;
        levels[MatchField.LAST_NAME.ordinal()] = last;
    }

    private double weight(MatchField field, @Nullable Level level) {
        return level == null ? 0 : weights[field.ordinal()][level.ordinal()];
    }

    private static @Nullable Level name(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        return Profile.sound(a).equals(Profile.sound(b)) || Similarity.jaroWinklerFolded(a, b) >= CLOSE_TEXT ? Level.CLOSE
                : Level.DIFFERENT;
    }

    /** Cities and companies: close when similar and their numbers (if any) agree ("Block 7" is not "Block 9"). */
    private static @Nullable Level text(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        return Similarity.jaroWinklerFolded(a, b) >= CLOSE_TEXT && numbersAgree(a, b) ? Level.CLOSE
                : Level.DIFFERENT;
    }

    /**
     * Whether the digits of the two texts are the same or one edit apart (a typo); true when either has none (a
     * missing number says nothing).
     */
    static boolean numbersAgree(String a, String b) {
        long da = digitsOf(a);
        long db = digitsOf(b);
        if (da == MANY_DIGITS || db == MANY_DIGITS) {
            return numbersAgreeAsText(a, b);
        }
        int la = (int) (da >>> COUNT_SHIFT);
        int lb = (int) (db >>> COUNT_SHIFT);
        return la == 0 || lb == 0 || da == db || oneEdit(da & VALUE, la, db & VALUE, lb);
    }

    /**
     * The digits of {@code s} packed into a long, or {@link #MANY_DIGITS}: cities and streets of candidates are
     * compared by their numbers thousands of times per second, and making strings of them was a tenth of matching.
     */
    private static long digitsOf(String s) {
        long value = 0;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++count > MAX_DIGITS) {
                    return MANY_DIGITS;
                }
                value = value * 10 + (c - '0');
            }
        }
        return (long) count << COUNT_SHIFT | value;
    }

    private static boolean numbersAgreeAsText(String a, String b) {
        String da = a.replaceAll("[^0-9]", "");
        String db = b.replaceAll("[^0-9]", "");
        return da.isEmpty() || db.isEmpty() || da.equals(db) || oneEdit(da, db);
    }

    /** {@link #oneEdit(String, String)} of two numbers of {@code la} and {@code lb} digits (leading zeros count). */
    private static boolean oneEdit(long a, int la, long b, int lb) {
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (digit(a, la, i) != digit(b, lb, i) && diffs++ == 0) {
                    first = i;
                }
            }
            // With two differences, the neighbours crossing over means the second is the next digit: a swap.
            return diffs == 1 || (diffs == 2 && first + 1 < la && digit(a, la, first) == digit(b, lb, first + 1)
                    && digit(a, la, first + 1) == digit(b, lb, first));
        }
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        long shorter = la < lb ? a : b;
        long longer = la < lb ? b : a;
        int ls = Math.min(la, lb);
        int i = 0;
        while (i < ls && digit(shorter, ls, i) == digit(longer, ls + 1, i)) {
            i++;
        }
        for (; i < ls; i++) {
            if (digit(shorter, ls, i) != digit(longer, ls + 1, i + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Digit {@code i}, from the left, of a number of {@code length} digits. */
    private static int digit(long n, int length, int i) {
        return (int) (n / POWERS[length - 1 - i] % 10);
    }

    /** Codes (postal codes, phone digits): one changed character or one swap of neighbours is close. */
    static @Nullable Level code(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        return a.equals(b) ? Level.EXACT : oneEdit(a, b) ? Level.CLOSE : Level.DIFFERENT;
    }

    /**
     * The last nine digits of a number, or nothing below seven: an unverified number may lack its country code or
     * carry a trunk prefix, so it is compared by what remains the same however the number is written.
     */
    private static String tail(String digits) {
        return digits.length() < PHONE_DIGITS ? "" : digits.substring(Math.max(0, digits.length() - PHONE_TAIL));
    }

    private static @Nullable Level email(Profile a, Profile b) {
        if (a.email().isEmpty() || b.email().isEmpty()) {
            return null;
        }
        if (a.email().equals(b.email())) {
            return Level.EXACT;
        }
        boolean sameDomain = a.emailDomain().equals(b.emailDomain());
        return sameDomain && (a.emailLocal().equals(b.emailLocal()) || oneEdit(a.emailLocal(), b.emailLocal()))
                ? Level.CLOSE : Level.DIFFERENT;
    }

    /** Equal, or day and month swapped, or one digit of {@code yyyymmdd} changed or two neighbours swapped. */
    static @Nullable Level birthDate(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        boolean swapped = a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        return swapped || oneDigitEdit(digits(a), digits(b)) ? Level.CLOSE : Level.DIFFERENT;
    }

    /** {@code yyyymmdd} (years 1900 to today, so always eight digits). */
    private static int digits(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    /** {@link #oneEdit(String, String)} of two eight-digit numbers, without making strings of them. */
    static boolean oneDigitEdit(int a, int b) {
        return oneEdit(a, 8, b, 8);
    }

    /**
     * Streets by their words: exact when equal, close when at least {@link #CLOSE_STREET} of the words (Dice) have
     * a counterpart with Jaro-Winkler ≥ 0.9, so a typo or a dropped second line still counts.
     */
    private static @Nullable Level street(Profile a, Profile b) {
        if (a.streetText().isEmpty() || b.streetText().isEmpty()) {
            return null;
        }
        if (a.streetText().equals(b.streetText())) {
            return Level.EXACT;
        }
        if (!numbersAgree(a.streetText(), b.streetText())) {
            // Another house number is another home, unless one digit of it slipped: no need to compare the words.
            return Level.DIFFERENT;
        }
        String[] aWords = a.streetWords();
        String[] bWords = b.streetWords();
        boolean[] used = new boolean[bWords.length];
        int shared = 0;
        for (String word : aWords) {
            for (int j = 0; j < used.length; j++) {
                if (!used[j] && (word.equals(bWords[j]) || (word.length() > 2
                        && Similarity.jaroWinklerFolded(word, bWords[j]) >= CLOSE_TEXT))) {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        }
        return 2.0 * shared / (aWords.length + bWords.length) >= CLOSE_STREET ? Level.CLOSE : Level.DIFFERENT;
    }

    /** Whether {@code a} becomes {@code b} by one substitution, insertion, deletion or swap of neighbours. */
    static boolean oneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) {
                        first = i;
                    }
                }
            }
            return diffs == 1 || (diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first));
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }
}
