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
