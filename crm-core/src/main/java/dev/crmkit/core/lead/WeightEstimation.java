package dev.crmkit.core.lead;

import dev.crmkit.core.lead.DuplicateRules.Weights;
import dev.crmkit.core.lead.FieldAgreement.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Fellegi–Sunter weights estimated from a tenant's own, unlabelled people, as Splink does: {@code u} (how often a
 * field agrees at a level between two different people) from random pairs, nearly all of which are two people; then
 * {@code m} (how often among pairs of one person) and the share of such pairs by expectation–maximisation over the
 * pairs that share a blocking key, {@code u} held fixed. Fields never compared keep the starting weights, and so do
 * the thresholds: they are the host's choice of precision against recall.
 */
final class WeightEstimation {
    /** Random pairs for {@code u}: enough to see a one-in-ten-thousand agreement a few times. */
    static final int RANDOM_PAIRS = 200_000;
    private static final int ITERATIONS = 30;
    private static final double FLOOR = 1e-6;
    private static final int LEVELS = Level.values().length;
    private static final MatchField[] FIELDS = MatchField.values();
    /** The fields each kind of blocking key ({@link BlockingKeys}) is made of. */
    private static final Map<Character, Set<MatchField>> BLOCKED_ON = Map.of(
            'n', Set.of(MatchField.FIRST_NAME, MatchField.LAST_NAME),
            'x', Set.of(MatchField.FIRST_NAME, MatchField.LAST_NAME),
            'k', Set.of(MatchField.FIRST_NAME, MatchField.LAST_NAME),
            'i', Set.of(MatchField.FIRST_NAME, MatchField.POSTAL_CODE),
            's', Set.of(MatchField.LAST_NAME, MatchField.POSTAL_CODE),
            'b', Set.of(MatchField.BIRTH_DATE),
            'e', Set.of(MatchField.EMAIL),
            'p', Set.of(MatchField.PHONE),
            'c', Set.of(MatchField.COMPANY, MatchField.LAST_NAME));

    private WeightEstimation() {
    }

    /** Weights estimated from {@code people}, starting from (and falling back to) {@code start}. */
    static DuplicateRules estimate(List<Profile> people, DuplicateRules start) {
        Scorer scorer = Scorer.of(start);
        Random random = new Random(people.size());
        List<int[]> randomPairs = new ArrayList<>();
        if (people.size() > 1) {
            for (int k = 0; k < RANDOM_PAIRS; k++) {
                int i = random.nextInt(people.size());
                int j = random.nextInt(people.size() - 1);
                randomPairs.add(levels(scorer, people.get(i), people.get(j >= i ? j + 1 : j)));
            }
        }
        Map<Character, List<int[]>> blocked = new TreeMap<>();
        blockedPairs(people).forEach((kind, pairs) -> {
            List<int[]> vectors = new ArrayList<>();
            for (long pair : pairs) {
                int[] levels = levels(scorer, people.get((int) (pair >>> 32)), people.get((int) pair));
                for (MatchField f : BLOCKED_ON.getOrDefault(kind, Set.of())) {
                    levels[f.ordinal()] = -1;
                }
                vectors.add(levels);
            }
            blocked.put(kind, vectors);
        });
        return estimate(randomPairs, blocked.values(), start);
    }

    /**
     * The estimate from comparison vectors (per {@link MatchField} ordinal, a {@link Level} ordinal or -1 when
     * either side lacks the field): {@code randomPairs} give {@code u}; each of {@code passes} (the pairs one kind of
     * blocking key brought together, the fields of that key left out: pairs chosen for agreeing on them say nothing
     * of how often people agree there) gives {@code m} of its other fields by EM, and a field's {@code m} is the mean
     * of the passes that estimated it.
     */
    static DuplicateRules estimate(List<int[]> randomPairs, Collection<List<int[]>> passes, DuplicateRules start) {
        double[][] u = new double[FIELDS.length][];
        for (MatchField f : FIELDS) {
            Weights w = start.weights(f);
            u[f.ordinal()] = shares(randomPairs, f, null, new double[] {w.uExact(), w.uClose()});
        }
        double[][] mSum = new double[FIELDS.length][LEVELS];
        int[] mPasses = new int[FIELDS.length];
        for (List<int[]> pairs : passes) {
            double[][] m = em(pairs, u, start);
            for (MatchField f : FIELDS) {
                if (compared(pairs, f)) {
                    for (int l = 0; l < LEVELS; l++) {
                        mSum[f.ordinal()][l] += m[f.ordinal()][l];
                    }
                    mPasses[f.ordinal()]++;
                }
            }
        }
        Map<MatchField, Weights> fitted = new EnumMap<>(MatchField.class);
        for (MatchField f : FIELDS) {
            Weights w = start.weights(f);
            double[] uf = u[f.ordinal()];
            int n = mPasses[f.ordinal()];
            double mExact = n == 0 ? w.mExact() : mSum[f.ordinal()][Level.EXACT.ordinal()] / n;
            double mClose = n == 0 ? w.mClose() : mSum[f.ordinal()][Level.CLOSE.ordinal()] / n;
            fitted.put(f, new Weights(mExact, mClose, uf[0], uf[1]));
        }
        return new DuplicateRules(start.possible(), start.almostCertain(), fitted);
    }

    /** {@code m} of every field by expectation–maximisation over {@code pairs}, {@code u} held fixed. */
    private static double[][] em(List<int[]> pairs, double[][] u, DuplicateRules start) {
        double[][] m = new double[FIELDS.length][];
        for (MatchField f : FIELDS) {
            Weights w = start.weights(f);
            m[f.ordinal()] = new double[] {w.mExact(), w.mClose(), 1 - w.mExact() - w.mClose()};
        }
        double share = 0.1; // of the pairs that are one person: a start, EM moves it
        double[] p = new double[pairs.size()];
        for (int round = 0; round < ITERATIONS && !pairs.isEmpty(); round++) {
            double sum = 0;
            for (int k = 0; k < p.length; k++) {
                double logit = Math.log(share / (1 - share));
                int[] levels = pairs.get(k);
                for (int f = 0; f < FIELDS.length; f++) {
                    if (levels[f] >= 0) {
                        logit += Math.log(m[f][levels[f]] / u[f][levels[f]]);
                    }
                }
                p[k] = 1 / (1 + Math.exp(-Math.max(-700, Math.min(700, logit))));
                sum += p[k];
            }
            share = clamp(sum / p.length);
            for (MatchField f : FIELDS) {
                Weights w = start.weights(f);
                m[f.ordinal()] = shares(pairs, f, p, new double[] {w.mExact(), w.mClose()});
            }
        }
        return m;
    }

    private static boolean compared(List<int[]> pairs, MatchField f) {
        for (int[] levels : pairs) {
            if (levels[f.ordinal()] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each level's share of the pairs where field {@code f} was compared, each pair counted by its weight ({@code
     * p}, or 1), kept inside (0, 1) with DIFFERENT left room; the fallback's (exact, close) when no pair compared it.
     */
    private static double[] shares(List<int[]> pairs, MatchField f, double @Nullable [] weights, double[] fallback) {
        double[] count = new double[LEVELS];
        double total = 0;
        for (int k = 0; k < pairs.size(); k++) {
            int level = pairs.get(k)[f.ordinal()];
            if (level >= 0) {
                double w = weights == null ? 1 : weights[k];
                count[level] += w;
                total += w;
            }
        }
        if (total <= 0) {
            return new double[] {fallback[0], fallback[1], 1 - fallback[0] - fallback[1]};
        }
        double exact = clamp(count[Level.EXACT.ordinal()] / total);
        double close = clamp(count[Level.CLOSE.ordinal()] / total);
        double rest = 1 - exact - close;
        if (rest < FLOOR) { // never certain that a field cannot differ: leaves DIFFERENT a weight
            double scale = (1 - FLOOR) / (exact + close);
            exact *= scale;
            close *= scale;
            rest = FLOOR;
        }
        return new double[] {exact, close, rest};
    }

    private static double clamp(double p) {
        return Math.max(FLOOR, Math.min(1 - FLOOR, p));
    }

    /** Per field, the level of each compared field of {@code a} and {@code b}, -1 where either lacks it. */
    private static int[] levels(Scorer scorer, Profile a, Profile b) {
        int[] levels = new int[FIELDS.length];
        java.util.Arrays.fill(levels, -1);
        for (FieldAgreement agreement : scorer.score(a, b).explanation()) {
            levels[agreement.field().ordinal()] = agreement.level().ordinal();
        }
        return levels;
    }

    /**
     * Per kind of blocking key (its one-letter prefix), the pairs of people sharing a key of that kind whose block
     * the candidate rule lets nominate alone ({@link BlockingKeys#COMMON_BLOCK} or fewer), each once per kind, as
     * {@code i << 32 | j} with {@code i < j}.
     */
    private static Map<Character, Set<Long>> blockedPairs(List<Profile> people) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            for (String key : BlockingKeys.of(people.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Map<Character, Set<Long>> pairs = new HashMap<>();
        blocks.forEach((key, block) -> {
            if (block.size() <= BlockingKeys.COMMON_BLOCK) {
                Set<Long> kind = pairs.computeIfAbsent(key.charAt(0), k -> new HashSet<>());
                for (int x = 0; x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        kind.add((long) block.get(x) << 32 | block.get(y));
                    }
                }
            }
        });
        return pairs;
    }
}
