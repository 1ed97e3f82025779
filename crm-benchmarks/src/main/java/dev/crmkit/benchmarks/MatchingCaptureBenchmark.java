package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.audit.AuditSettings;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.lead.Origin;
import dev.crmkit.core.lead.Reach;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lead capture with probabilistic duplicate matching (blocking keys, Fellegi–Sunter scoring) against 10k, 100k and
 * 1M stored people in memory: imports without email or phone, like the FEBRL records (names, street, suburb, postcode,
 * state, date of birth). Stored people draw from 300 first names, 1,000 surnames and 2,000 postcodes, so candidate
 * blocks grow with the store as they do in a real CRM. Sample time gives the mean (captures/s = 10^6 / mean µs) and
 * the p99. {@code findDuplicatesOfStoredLead} is the matcher alone, as a second figure.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar MatchingCaptureBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class MatchingCaptureBenchmark {
    private static final int FIRST_NAMES = 300;
    private static final int SURNAMES = 1000;
    private static final int POSTCODES = 2000;
    private static final String[] STREETS = {"wattle grove", "light street", "stanley street", "pinkerton circuit",
        "edkins street", "coral road", "banksia avenue", "murray place"};

    @Param({"10000", "100000", "1000000"})
    public int storedLeads;

    /** The audit trail on (the default a host gets) or off ({@link AuditSettings#off()}), to see what it costs. */
    @Param({"on"})
    public String audit;

    private Crm crm;
    private final Random random = new Random(19);
    private long next;

    @Setup(Level.Trial)
    public void fill() {
        crm = Crm.builder().storage(StoredLeads.inMemory(storedLeads, (i, t) -> {
            NewLead p = person(i);
            return new Lead(storedId(i), 0, new Identity(p.firstName(), p.lastName(), null, null, p.birthDate()),
                    new Reach(null, null, null, p.address()), Origin.of(LeadSource.IMPORT), null, LeadStatus.NEW,
                    null, 0, false, UserId.of("rep"), null, null, null, null, t, t, null);
        })).with(audit.equals("on") ? AuditSettings.defaults() : AuditSettings.off()).build();
    }

    /** The id of stored person {@code i}. */
    static LeadId storedId(long i) {
        return LeadId.of(new UUID(19, i));
    }

    /** Person {@code i}: a pronounceable name from the pools, an address and a birth date, all fixed by {@code i}. */
    static NewLead person(long i) {
        Random r = new Random(i * 7919);
        String first = name(r.nextInt(FIRST_NAMES), "aeiou", "bdjlmnrstz");
        String last = name(r.nextInt(SURNAMES) * 7 + 3, "aeiouy", "bdfghklmnprstvz");
        Address home = new Address((1 + r.nextInt(200)) + " " + STREETS[r.nextInt(STREETS.length)],
                "suburb" + r.nextInt(500), "nsw", String.valueOf(2000 + r.nextInt(POSTCODES)), "AU", null);
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(365 * 70));
        return new NewLead(first, last, null, null, null, null, home, LeadSource.IMPORT, null, null, null, null, null,
                null, born);
    }

    /**
     * Name {@code n} of a pool: four syllables whose consonants follow from {@code n}, so that names of a pool also
     * sound different (Double Metaphone keeps consonants) rather than collapsing into a few phonetic blocks.
     */
    private static String name(int n, String vowels, String consonants) {
        StringBuilder b = new StringBuilder();
        int k = n;
        for (int syllable = 0; syllable < 4; syllable++) {
            b.append(consonants.charAt(k % consonants.length()))
                    .append(vowels.charAt((n + syllable) % vowels.length()));
            k /= consonants.length();
        }
        return b.toString();
    }

    /** A stored person again, with a typo in the surname: flagged as a duplicate. */
    @Benchmark
    public LeadId captureDuplicateWithTypo() {
        NewLead p = person(random.nextInt(storedLeads));
        String typo = p.lastName().substring(0, 2) + "x" + p.lastName().substring(3);
        return crm.leads().capture(new NewLead(p.firstName(), typo, null, null, null, null, p.address(),
                LeadSource.IMPORT, null, null, null, null, null, null, p.birthDate()));
    }

    /**
     * The matcher alone: a stored person's duplicates looked up again ({@code findDuplicates}, read-only, so the
     * store does not grow): blocking, reading the candidates and scoring them, without validation, saving and events.
     */
    @Benchmark
    public List<DuplicateMatch> findDuplicatesOfStoredLead() {
        return crm.leads().findDuplicates(storedId(random.nextInt(storedLeads)));
    }

    /** A person nobody stored yet. */
    @Benchmark
    public LeadId captureNewPerson() {
        return crm.leads().capture(person(storedLeads + 1_000_000L + next++));
    }
}
