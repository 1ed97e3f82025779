package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.memory.InMemoryStorage;
import dev.crmkit.core.storage.Storage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Rules of duplicate matching that hold for any person. */
class MatchingProperties {
    private static final Scorer SCORER = new Scorer(DuplicateRules.defaults());

    @Property(tries = 500)
    void theScoreOfTwoPeopleIsTheSameFromEitherSide(@ForAll("people") NewLead a, @ForAll("people") NewLead b) {
        Scorer.Result ab = SCORER.score(profile(a), profile(b));
        Scorer.Result ba = SCORER.score(profile(b), profile(a));

        assertThat(ab.score()).isEqualTo(ba.score());
        assertThat(ab.certainty()).isEqualTo(ba.certainty());
        assertThat(ab.reason()).isEqualTo(ba.reason());
    }

    /**
     * Leaving a candidate once its remaining fields cannot reach the threshold loses no match: under any weights and
     * thresholds, {@code match} returns exactly the results of {@code score} that are matches.
     */
    @Property(tries = 1000)
    void theShortcutMatchFindsExactlyTheMatchesOfAFullScore(@ForAll("people") NewLead a, @ForAll("people") NewLead b,
                                                            @ForAll("rules") DuplicateRules rules) {
        Scorer scorer = new Scorer(rules);
        Scorer.Result full = scorer.score(profile(a), profile(b));

        Scorer.Result shortcut = scorer.match(profile(a), profile(b));

        if (full.isMatch()) {
            assertThat(shortcut).isEqualTo(full);
        } else {
            assertThat(shortcut).isNull();
        }
    }

    /** Random weights for every field, and thresholds around the scores two people reach. */
    @Provide
    Arbitrary<DuplicateRules> rules() {
        Arbitrary<Double> p = Arbitraries.doubles().between(0.0001, 0.49).ofScale(4);
        Arbitrary<DuplicateRules.Weights> weights = Combinators.combine(p, p, p, p).as(DuplicateRules.Weights::new);
        return Combinators.combine(weights.list().ofSize(MatchField.values().length),
                        Arbitraries.doubles().between(-20, 40), Arbitraries.doubles().between(0, 20))
                .as((w, possible, gap) -> {
                    Map<MatchField, DuplicateRules.Weights> fields = new HashMap<>();
                    for (MatchField f : MatchField.values()) {
                        fields.put(f, w.get(f.ordinal()));
                    }
                    return new DuplicateRules(possible, possible + gap, fields);
                });
    }

    /** Birth dates compare as eight digits: the arithmetic way agrees with the text way for any two numbers. */
    @Property(tries = 2000)
    void birthDateDigitsAreOneEditApartExactlyWhenTheirTextIs(@ForAll("eightDigits") int a,
                                                               @ForAll("eightDigits") int b) {
        assertThat(Scorer.oneDigitEdit(a, b)).isEqualTo(Scorer.oneEdit(Integer.toString(a), Integer.toString(b)));
    }

    /** Numbers in texts compare as packed digits: the same answer as comparing the digit strings, for any texts. */
    @Property(tries = 3000)
    void numbersAgreeExactlyWhenTheirDigitStringsDo(@ForAll("numbered") String a, @ForAll("numbered") String b) {
        String da = a.replaceAll("[^0-9]", "");
        String db = b.replaceAll("[^0-9]", "");
        boolean expected = da.isEmpty() || db.isEmpty() || da.equals(db) || Scorer.oneEdit(da, db);

        assertThat(Scorer.numbersAgree(a, b)).isEqualTo(expected);
    }

    /** Texts with a few digits (leading zeros, swaps, one more or one fewer), and now and then more than 16. */
    @Provide
    Arbitrary<String> numbered() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0129").ofMinLength(0).ofMaxLength(5);
        Arbitrary<String> many = Arbitraries.strings().withChars("01").ofMinLength(15).ofMaxLength(19);
        Arbitrary<String> tail = Arbitraries.strings().withChars("12").ofMaxLength(2);
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(9, digits), Tuple.of(1, many)),
                        Arbitraries.of("suburb", "block ", "", " road"), tail)
                .as((d, word, end) -> word + d + end);
    }

    /** Eight-digit numbers, often one digit or one swap away from 19610203. */
    @Provide
    Arbitrary<Integer> eightDigits() {
        Arbitrary<Integer> near = Arbitraries.integers().between(0, 7).tuple2().map(t -> {
            char[] d = "19610203".toCharArray();
            char swap = d[t.get1()];
            d[t.get1()] = d[t.get2()];
            d[t.get2()] = swap;
            return Integer.parseInt(new String(d));
        });
        return Arbitraries.oneOf(near, Arbitraries.integers().between(10_000_000, 99_999_999),
                Arbitraries.integers().between(19_610_190, 19_610_215));
    }

    @Property(tries = 200)
    void aCapturedPersonAlwaysMatchesTheirExactCopy(@ForAll("people") NewLead person) {
        try (Crm crm = Crm.builder().storage(InMemoryStorage.create()).build()) {
            LeadId first = crm.leads().capture(person);
            Lead copy = crm.leads().get(crm.leads().capture(person));

            assertThat(copy.duplicates()).anySatisfy(m -> assertThat(m.lead()).contains(first));
        }
    }

    /**
     * The candidates of a record's blocks are the owners of every small block and the owners two large blocks share,
     * and none of an oversized block: the rule both adapters apply, checked against a counting reference, for blocks
     * given as sets (memory) and as lists (JPA).
     */
    @Property(tries = 300)
    void candidatesAreTheSmallBlocksAndWhatTwoLargeBlocksShare(
            @ForAll("blockSizes") List<Integer> sizes, @ForAll("seeds") long seed, @ForAll boolean asLists) {
        Random random = new Random(seed);
        int owners = 1 + random.nextInt(2 * BlockingKeys.MAX_BLOCK);
        List<Collection<Integer>> blocks = new ArrayList<>();
        for (int size : sizes) {
            Set<Integer> block = new LinkedHashSet<>();
            while (block.size() < Math.min(size, owners)) {
                block.add(random.nextInt(owners));
            }
            blocks.add(asLists ? new ArrayList<>(block) : block);
        }
        Map<Integer, Integer> largeBlocksHolding = new HashMap<>();
        Set<Integer> expected = new HashSet<>();
        for (Collection<Integer> block : blocks) {
            if (block.size() <= BlockingKeys.COMMON_BLOCK) {
                expected.addAll(block);
            } else if (block.size() <= BlockingKeys.MAX_BLOCK) {
                block.forEach(o -> largeBlocksHolding.merge(o, 1, Integer::sum));
            }
        }
        largeBlocksHolding.forEach((o, n) -> {
            if (n >= 2) {
                expected.add(o);
            }
        });

        assertThat(BlockingKeys.candidates(blocks)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<List<Integer>> blockSizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, BlockingKeys.COMMON_BLOCK + 2),
                Arbitraries.integers().between(BlockingKeys.COMMON_BLOCK, 60),
                Arbitraries.integers().between(BlockingKeys.MAX_BLOCK - 2, BlockingKeys.MAX_BLOCK + 2))
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static Profile profile(NewLead l) {
        return Profile.of(l.firstName(), l.lastName(), l.birthDate(), l.address(),
                l.email() == null ? null : EmailAddress.of(l.email()), null, l.company());
    }

    /** Storable people from a small alphabet, so that names, streets and dates often nearly agree. */
    @Provide
    Arbitrary<NewLead> people() {
        Arbitrary<String> word = Arbitraries.strings().withChars("aeimnorst").ofMinLength(1).ofMaxLength(7);
        Arbitrary<String> maybe = word.injectNull(0.3);
        Arbitrary<String> code = Arbitraries.strings().withChars("3046").ofLength(4).injectNull(0.3);
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 400).map(d -> LocalDate.of(1960, 1, 1)
                .plusDays(d * 7L)).injectNull(0.3);
        Arbitrary<Address> address = Combinators.combine(maybe, maybe, code)
                .as((street, city, postcode) -> street == null && city == null && postcode == null ? null
                        : new Address(street == null ? null : "12 " + street + " street", city, null, postcode, "AU",
                        null));
        Arbitrary<String> email = word.map(w -> w + "@example.com").injectNull(0.6);
        return Combinators.combine(word, maybe, address, born, email, maybe)
                .as((first, last, home, birth, mail, company) -> NewLead.of(first, last, mail).address(home)
                        .birthDate(birth).company(company))
                .filter(l -> l.email() != null || l.address() != null || l.birthDate() != null
                        || l.company() != null);
    }

    @Property(tries = 500)
    void theScoreOfTwoAccountsIsTheSameFromEitherSide(@ForAll("accounts") AccountDetails a,
                                                       @ForAll("accounts") AccountDetails b) {
        Scorer.Result ab = SCORER.score(Profile.of(account(a)), Profile.of(account(b)));
        Scorer.Result ba = SCORER.score(Profile.of(account(b)), Profile.of(account(a)));

        assertThat(ab.score()).isEqualTo(ba.score());
        assertThat(ab.certainty()).isEqualTo(ba.certainty());
    }

    @Property(tries = 200)
    void anAccountAlwaysMeetsItsExactCopy(@ForAll("accounts") AccountDetails details) {
        Storage storage = InMemoryStorage.create();
        try (Crm crm = Crm.builder().storage(storage).build()) {
            AccountId first = crm.accounts().create(details);
            Account copy = crm.accounts().get(crm.accounts().create(details));

            List<Account> candidates = storage.read(TenantId.DEFAULT,
                    tx -> tx.accounts().findByMatchKeys(BlockingKeys.of(copy)));

            assertThat(candidates).extracting(Account::id).contains(first);
        }
    }

    private static Account account(AccountDetails d) {
        Instant at = Instant.EPOCH;
        return new Account(AccountId.of(new UUID(0, 1)), 0, d.name(), null, null, d.address(), d.website(), null,
                LifecycleStage.PROSPECT, null, null, at, at);
    }

    /** Accounts from a small alphabet, so that names, domains and addresses often nearly agree. */
    @Provide
    Arbitrary<AccountDetails> accounts() {
        Arbitrary<String> word = Arbitraries.strings().withChars("aeimnorst").ofMinLength(1).ofMaxLength(7);
        Arbitrary<String> suffix = Arbitraries.of("", " Pty Ltd", " Inc.", " 7");
        Arbitrary<String> website = word.map(w -> "https://www." + w + ".example/").injectNull(0.4);
        Arbitrary<Address> address = Combinators.combine(word.injectNull(0.3),
                        Arbitraries.strings().withChars("3046").ofLength(4).injectNull(0.3))
                .as((street, postcode) -> street == null && postcode == null ? null
                        : new Address(street == null ? null : "3 " + street + " road", null, null, postcode, "AU",
                        null));
        return Combinators.combine(word, suffix, website, address)
                .as((name, legal, site, home) -> new AccountDetails(name + legal, null, null, home, site, null,
                        Set.of()));
    }
}
