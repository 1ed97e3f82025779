package dev.crmkit.core.lead;

import dev.crmkit.core.common.Similarity;
import dev.crmkit.core.lead.DuplicateMatch.Certainty;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import dev.crmkit.core.lead.FieldAgreement.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    private final DuplicateRules rules;
    private final Map<MatchField, double[]> weights = new EnumMap<>(MatchField.class);

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
            }
            weights.put(field, byLevel);
        });
    }

    Result score(Profile a, Profile b) {
        List<FieldAgreement> why = new ArrayList<>(MatchField.values().length);
        names(a, b, why);
        add(why, MatchField.BIRTH_DATE, birthDate(a.birthDate(), b.birthDate()));
        add(why, MatchField.STREET, street(a, b));
        add(why, MatchField.CITY, text(a.city(), b.city()));
        add(why, MatchField.POSTAL_CODE, code(a.postalCode(), b.postalCode()));
        add(why, MatchField.REGION, a.region().isEmpty() || b.region().isEmpty() ? null
                : a.region().equals(b.region()) ? Level.EXACT : Level.DIFFERENT);
        add(why, MatchField.EMAIL, email(a, b));
        add(why, MatchField.PHONE, a.phoneVerified() && b.phoneVerified() ? code(a.phone(), b.phone())
                : code(tail(a.phone()), tail(b.phone())));
        add(why, MatchField.COMPANY, text(a.company(), b.company()));
        add(why, MatchField.WEBSITE, code(a.domain(), b.domain()));
        double score = 0;
        Level email = null;
        Level phone = null;
        Level company = null;
        Level last = null;
        for (FieldAgreement f : why) {
            score += f.weight();
            switch (f.field()) {
                case EMAIL -> email = f.level();
                case PHONE -> phone = f.level();
                case COMPANY -> company = f.level();
                case LAST_NAME -> last = f.level();
                default -> { }
            }
        }
        Reason reason = email == Level.EXACT ? Reason.EMAIL : phone == Level.EXACT ? Reason.PHONE
                : company != null && company != Level.DIFFERENT && last != null && last != Level.DIFFERENT
                ? Reason.NAME_AND_COMPANY : Reason.PERSON;
        Certainty certainty = score >= rules.almostCertain() ? Certainty.ALMOST_CERTAIN
                : score >= rules.possible() || reason == Reason.EMAIL || reason == Reason.PHONE ? Certainty.POSSIBLE
                : null;
        return new Result(score, reason, certainty, why);
    }

    /** First and last name as given, or swapped when that agrees better (a common slip in forms and imports). */
    private void names(Profile a, Profile b, List<FieldAgreement> why) {
        Level first = name(a.first(), a.firstSound(), b.first(), b.firstSound());
        Level last = name(a.last(), a.lastSound(), b.last(), b.lastSound());
        if (first != Level.EXACT || last != Level.EXACT) {
            // a's first name against b's last name, and a's last against b's first: which of the two comparisons
            // counts as the first name is taken the way that weighs less, so the score is the same from either side.
            Level one = name(a.first(), a.firstSound(), b.last(), b.lastSound());
            Level other = name(a.last(), a.lastSound(), b.first(), b.firstSound());
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
        add(why, MatchField.FIRST_NAME, first);
        add(why, MatchField.LAST_NAME, last);
    }

    /** Every field has its row: the constructor fills one per {@link MatchField}. */
    private double[] weightsOf(MatchField field) {
        double[] byLevel = weights.get(field);
        if (byLevel == null) {
            throw new IllegalStateException("no weights for " + field);
        }
        return byLevel;
    }

    private double weight(MatchField field, @Nullable Level level) {
        return level == null ? 0 : weightsOf(field)[level.ordinal()];
    }

    private void add(List<FieldAgreement> why, MatchField field, @Nullable Level level) {
        if (level != null) {
            why.add(new FieldAgreement(field, level, weight(field, level)));
        }
    }

    private static @Nullable Level name(String a, String aSound, String b, String bSound) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        return aSound.equals(bSound) || Similarity.jaroWinklerFolded(a, b) >= CLOSE_TEXT ? Level.CLOSE
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
        String da = digitsOf(a);
        String db = digitsOf(b);
        return da.isEmpty() || db.isEmpty() || da.equals(db) || oneEdit(da, db);
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
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
        return swapped || oneEdit(digits(a), digits(b)) ? Level.CLOSE : Level.DIFFERENT;
    }

    /** {@code yyyymmdd} (years 1900 to today, so always four digits). */
    private static String digits(LocalDate d) {
        int n = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        return Integer.toString(n);
    }

    /**
     * Streets by their words: exact when equal, close when at least {@link #CLOSE_STREET} of the words (Dice) have
     * a counterpart with Jaro-Winkler ≥ 0.9, so a typo or a dropped second line still counts.
     */
    private static @Nullable Level street(Profile a, Profile b) {
        if (a.street().length == 0 || b.street().length == 0) {
            return null;
        }
        if (a.streetText().equals(b.streetText())) {
            return Level.EXACT;
        }
        boolean[] used = new boolean[b.street().length];
        int shared = 0;
        for (String word : a.street()) {
            for (int j = 0; j < used.length; j++) {
                if (!used[j] && (word.equals(b.street()[j]) || (word.length() > 2
                        && Similarity.jaroWinklerFolded(word, b.street()[j]) >= CLOSE_TEXT))) {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        }
        boolean close = 2.0 * shared / (a.street().length + b.street().length) >= CLOSE_STREET;
        // Another house number is another home, unless one digit of it slipped.
        return close && numbersAgree(a.streetText(), b.streetText()) ? Level.CLOSE : Level.DIFFERENT;
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
