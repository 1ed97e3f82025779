package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.DuplicateMatch;
import dev.crmkit.core.lead.DuplicateMatch.Certainty;
import dev.crmkit.core.lead.DuplicateRules;
import dev.crmkit.core.lead.FieldAgreement;
import dev.crmkit.core.lead.FieldAgreement.Level;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.MatchField;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.testkit.Febrl;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        Quality[] quality = febrl(crm, people());
        Quality all = quality[0];
        Quality almostCertain = quality[1];

        assertThat(all.precision()).as("precision: %s", all).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(all.recall()).as("recall: %s", all).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(all.f1()).as("F1: %s", all).isGreaterThanOrEqualTo(MIN_F1);
        assertThat(almostCertain.precision()).as("almost certain precision: %s", almostCertain)
                .isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void weightsEstimatedFromTheTenantsOwnUnlabelledLeadsFlagTheirDuplicatesAsWell() {
        int people = Math.min(people(), 1000); // a tenant's sample; the whole file takes minutes on H2
        Quality[] withDefaults = febrl(crm, people);

        DuplicateRules estimated = crm.duplicates().estimateRules(2 * people);
        Crm withEstimate = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(new Actor(freshTenant(), actor.user(), actor.roles())).with(estimated).build();
        Quality[] quality = febrl(withEstimate, people);

        assertThat(estimated).isNotEqualTo(DuplicateRules.defaults());
        assertThat(quality[0].f1()).as("F1: %s, with the default weights %s", quality[0], withDefaults[0])
                .isGreaterThanOrEqualTo(MIN_F1).isGreaterThanOrEqualTo(withDefaults[0].f1() - 0.005);
        assertThat(quality[1].precision()).as("almost certain precision: %s", quality[1])
                .isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void estimatingRulesNeedsAManagerAndASampleOfAtLeastTwoLeads() {
        assertThatThrownBy(() -> crm.duplicates().estimateRules(1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sampleLeads");
        assertThatThrownBy(() -> crm.as(new Actor(actor.tenant(), UserId.of("rep-2"), Set.of())).duplicates()
                .estimateRules(100)).isInstanceOf(AccessDeniedException.class);
    }

    /**
     * Which of the other FEBRL data sets (1 to 3, see {@link Febrl#dataSet}) to capture: all by default; dataset 1
     * (1,000 records) where captures are slow.
     */
    protected List<Integer> otherDataSets() {
        return List.of(1, 2, 3);
    }

    @Test
    void otherLabelledPeopleWithSeveralDuplicatesEachAreFlaggedAsWellAsFebrl4() {
        for (int set : otherDataSets()) {
            Crm fresh = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                    .actor(new Actor(freshTenant(), actor.user(), actor.roles())).build();
            Quality[] quality = capture(fresh, Febrl.dataSet(set), "FEBRL " + set);

            assertThat(quality[0].precision()).as("FEBRL %d precision: %s", set, quality[0])
                    .isGreaterThanOrEqualTo(MIN_PRECISION);
            assertThat(quality[0].recall()).as("FEBRL %d recall: %s", set, quality[0])
                    .isGreaterThanOrEqualTo(MIN_RECALL);
            assertThat(quality[0].f1()).as("FEBRL %d F1: %s", set, quality[0]).isGreaterThanOrEqualTo(MIN_F1);
            assertThat(quality[1].precision()).as("FEBRL %d almost certain precision: %s", set, quality[1])
                    .isGreaterThanOrEqualTo(0.995);
        }
    }

    /** The FEBRL 4a + 4b records of {@code people} captured through {@code crm}. */
    private Quality[] febrl(Crm crm, int people) {
        return capture(crm, Febrl.records(people), "FEBRL 4a+4b");
    }

    /** {@code data} captured one by one through {@code crm} as leads: all flags, and almost certain ones. */
    private Quality[] capture(Crm crm, List<Febrl.Record> data, String name) {
        List<Febrl.Record> records = new ArrayList<>(data);
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
        int truePairs = Math.toIntExact(Febrl.truePairs(records));
        Quality all = Quality.of(truePairs, flagged, right);
        Quality almostCertain = Quality.of(truePairs, certain, certainRight);
        System.out.printf(Locale.ROOT, "%s on %s, %d leads (%d refused) in %.1f s (%.0f captures/s)%n"
                        + "  possible: %s%n  almost certain: %s%n", name, getClass().getName(), index.size(), rejected,
                captureNanos / 1e9, index.size() / (captureNanos / 1e9), all, almostCertain);
        long nameless = records.stream().filter(r -> Objects.toString(r.lead().firstName(), "").isBlank()
                && Objects.toString(r.lead().lastName(), "").isBlank())
                .count();
        assertThat(rejected).as("refused: only the records without any name").isEqualTo(nameless);
        return new Quality[] {all, almostCertain};
    }

    private static final Address LAUNCH_ROAD = new Address("12 Launch Road", "Cambridge", null, "02139", "US", null);
    private static final LocalDate BORN = LocalDate.of(1936, 8, 17);

    private ContactId contact(String first, String last, String email, Address address, LocalDate born) {
        return crm.contacts().create(new ContactDetails(null, first, last, null, email, null, address, born, null,
                null, Set.of(), false, null, null, Set.of()));
    }

    private AccountId account(String name, String website, Address address) {
        return crm.accounts().create(new AccountDetails(name, null, null, address, website, null, Set.of()));
    }

    @Test
    void aContactWithTyposInBothNamesIsFoundAsADuplicateOfTheContactItCopiesWithItsExplanation() {
        ContactId original = contact("Margaret", "Hamilton", "margaret@nasa.example", LAUNCH_ROAD, BORN);
        contact("Alan", "Turing", "alan@bletchley.example",
                new Address("1 Park Lane", "Bletchley", null, "MK3", "GB", null), LocalDate.of(1912, 6, 23));
        ContactId copy = contact("Margret", "Hamiltom", "mhamilton@mit.example", LAUNCH_ROAD, BORN);

        List<DuplicateMatch> matches = crm.duplicates().ofContact(copy);

        assertThat(matches).extracting(DuplicateMatch::contact).containsExactly(Optional.of(original));
        assertThat(matches.get(0).certainty()).isEqualTo(Certainty.ALMOST_CERTAIN);
        assertThat(matches.get(0).explanation()).extracting(FieldAgreement::field, FieldAgreement::level)
                .contains(tuple(MatchField.LAST_NAME, Level.CLOSE), tuple(MatchField.BIRTH_DATE, Level.EXACT),
                        tuple(MatchField.EMAIL, Level.DIFFERENT));
    }

    @Test
    void aLeadWithATypoInTheSurnameIsFlaggedAgainstTheContactThroughTheBlockingKeys() {
        ContactId contact = contact("Margaret", "Hamilton", "margaret@nasa.example", LAUNCH_ROAD, BORN);

        LeadId lead = crm.leads().capture(new NewLead("Margaret", "Hamiltom", null, null, null, null, LAUNCH_ROAD,
                LeadSource.IMPORT, null, null, null, null, null, null, BORN));

        assertThat(crm.leads().get(lead).duplicates()).extracting(DuplicateMatch::contact)
                .containsExactly(Optional.of(contact));
    }

    @Test
    void anAccountWithATypoInItsNameIsFoundByItsWebsiteAndAddressAndNotAnotherCompany() {
        Address main = new Address("1 Main Street", "Springfield", null, "4000", "AU", null);
        AccountId acme = account("Acme Pty Ltd", "https://www.acme.example", main);
        account("Globex", "https://globex.example", new Address("9 Side Road", "Shelbyville", null, "4999", "AU", null));
        AccountId typo = account("Acne Pty. Ltd.", "http://acme.example/contact", main);

        List<DuplicateMatch> matches = crm.duplicates().ofAccount(typo);

        assertThat(matches).extracting(DuplicateMatch::account).containsExactly(Optional.of(acme));
        assertThat(matches.get(0).kind()).isEqualTo(DuplicateMatch.Kind.ACCOUNT);
        assertThat(matches.get(0).reason()).isEqualTo(DuplicateMatch.Reason.ACCOUNT);
        assertThat(matches.get(0).explanation()).extracting(FieldAgreement::field, FieldAgreement::level)
                .contains(tuple(MatchField.WEBSITE, Level.EXACT), tuple(MatchField.STREET, Level.EXACT));
    }

    @Test
    void anAccountWithOnlyACommonNameInCommonIsNotADuplicate() {
        account("Acme", null, new Address("1 Main Street", "Springfield", null, "4000", "AU", null));
        AccountId other = account("Acme", "https://acme-tools.example",
                new Address("77 Harbour Road", "Perth", null, "6000", "AU", null));

        assertThat(crm.duplicates().ofAccount(other)).isEmpty();
    }
}
