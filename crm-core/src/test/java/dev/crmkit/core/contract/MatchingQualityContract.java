package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.DuplicateMatch.Certainty;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.testkit.Febrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Duplicate-matching quality on labelled data: the FEBRL 4a + 4b records, captured one by one as leads in a fixed
 * shuffled order through {@code leads().capture}, and the flags read back from each lead. A flagged pair is right
 * when both records describe the same person.
 */
public abstract class MatchingQualityContract extends ContractSupport {
    /** Floors for the whole data set; measured values are in the design notes. */
    static final double MIN_PRECISION = 0.97;
    static final double MIN_RECALL = 0.93;
    static final double MIN_F1 = 0.95;

    /** How many of the 5,000 people to capture (both records of each); all by default. */
    protected int people() {
        return 5_000;
    }

    /** Precision, recall and F1 of the flagged pairs; {@code almostCertain}: only pairs flagged so. */
    record Quality(int truePairs, int flagged, int right, double precision, double recall, double f1) {
        static Quality of(int truePairs, Set<Set<Integer>> flagged, Set<Set<Integer>> right) {
            double p = flagged.isEmpty() ? 1 : (double) right.size() / flagged.size();
            double r = (double) right.size() / truePairs;
            return new Quality(truePairs, flagged.size(), right.size(), p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "pairs %d, flagged %d, right %d: precision %.4f, recall %.4f, F1 %.4f",
                    truePairs, flagged, right, precision, recall, f1);
        }
    }

    @Test
    void febrlDuplicatesCapturedAsLeadsAreFlaggedWithHighPrecisionAndRecall() {
        List<Febrl.Record> records = new ArrayList<>(Febrl.records(people()));
        Collections.shuffle(records, new Random(19));
        Map<LeadId, Integer> index = new HashMap<>();
        Map<LeadId, Integer> person = new HashMap<>();
        int rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            try {
                LeadId id = crm.leads().capture(records.get(i).lead());
                index.put(id, i);
                person.put(id, records.get(i).person());
            } catch (ValidationException e) {
                rejected++; // a record without any name is no lead; its pair counts as missed
            }
        }
        long captureNanos = System.nanoTime() - start;
        Set<Set<Integer>> flagged = new HashSet<>();
        Set<Set<Integer>> right = new HashSet<>();
        Set<Set<Integer>> certain = new HashSet<>();
        Set<Set<Integer>> certainRight = new HashSet<>();
        for (LeadId id : index.keySet()) {
            Lead lead = crm.leads().get(id);
            for (DuplicateMatch m : lead.duplicates()) {
                LeadId other = m.lead().orElseThrow();
                Set<Integer> pair = Set.of(index.get(id), index.get(other));
                boolean same = person.get(id).equals(person.get(other));
                flagged.add(pair);
                if (same) {
                    right.add(pair);
                }
                if (m.certainty() == Certainty.ALMOST_CERTAIN) {
                    certain.add(pair);
                    if (same) {
                        certainRight.add(pair);
                    }
                }
            }
        }
        int truePairs = records.size() / 2;
        Quality all = Quality.of(truePairs, flagged, right);
        Quality almostCertain = Quality.of(truePairs, certain, certainRight);
        System.out.printf(Locale.ROOT, "FEBRL 4a+4b on %s, %d leads (%d refused) in %.1f s (%.0f captures/s)%n"
                        + "  possible: %s%n  almost certain: %s%n", getClass().getName(), index.size(), rejected,
                captureNanos / 1e9, index.size() / (captureNanos / 1e9), all, almostCertain);
        assertThat(rejected).as("records without any name").isLessThanOrEqualTo(3);

        assertThat(all.precision()).as("precision: %s", all).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(all.recall()).as("recall: %s", all).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(all.f1()).as("F1: %s", all).isGreaterThanOrEqualTo(MIN_F1);
        assertThat(almostCertain.precision()).as("almost certain precision: %s", almostCertain)
                .isGreaterThanOrEqualTo(0.995);
    }
}
