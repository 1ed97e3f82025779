package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.memory.InMemoryStorage;
import java.time.LocalDate;
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
}
