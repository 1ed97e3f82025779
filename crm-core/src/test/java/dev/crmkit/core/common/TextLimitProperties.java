package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Length limits hold for any text, including characters that fold, case-map or encode to more than one unit. */
class TextLimitProperties {
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a", "Z", "é", "名", "한", "İ", "ß", " ", "-", "\uD83D\uDE00").list().ofMaxSize(300)
                .map(parts -> String.join("", parts));
    }

    @Property
    void anAddressIsAcceptedExactlyWhenEveryPartFits(@ForAll("names") String street, @ForAll("names") String city,
                                                      @ForAll("names") String region, @ForAll("names") String postal) {
        List<String> tooLong = new ArrayList<>();
        addIfOver(tooLong, "street", street, Address.MAX_LINE);
        addIfOver(tooLong, "city", city, Address.MAX_LINE);
        addIfOver(tooLong, "region", region, Address.MAX_LINE);
        addIfOver(tooLong, "postalCode", postal, Address.MAX_POSTAL_CODE);
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new Address(street, city, region, postal, "FR", null));
        if (tooLong.isEmpty()) {
            assertThat(e).isNull();
        } else {
            assertThat(e).isNotNull();
            assertThat(e.errors()).extracting(FieldError::field).containsExactlyElementsOf(tooLong);
        }
    }

    private static void addIfOver(List<String> fields, String field, String value, int max) {
        String stored = Text.blankToNull(value);
        if (stored != null && stored.length() > max) {
            fields.add(field);
        }
    }

    /**
     * Names as long as a column allows, mostly Hangul, whose folded form is up to three times as long: about a third
     * of the tries get a key that must be cut.
     */
    @Provide
    Arbitrary<String> longNames() {
        List<String> parts = new ArrayList<>(List.of("a", "é", " ", "\uD83D\uDE00"));
        parts.addAll(Collections.nCopies(30, "한"));
        return Arbitraries.of(parts).list().ofMinSize(200).ofMaxSize(255).map(p -> String.join("", p));
    }

    @Property
    void matchKeysFitTheirColumn(@ForAll("longNames") String first, @ForAll("longNames") String last) {
        String person = MatchKeys.person(first, last);
        String company = MatchKeys.company(last);
        assertThat(person == null ? 0 : person.length()).isLessThanOrEqualTo(MatchKeys.MAX_LENGTH);
        assertThat(company == null ? 0 : company.length()).isLessThanOrEqualTo(MatchKeys.MAX_LENGTH);
        if (person != null && person.length() == MatchKeys.MAX_LENGTH) {
            // A cut key is the start of the uncut one: names agreeing on it still meet as candidates.
            String folded = Text.foldForMatching(first);
            String uncut = Text.foldForMatching(last).replace(" ", "") + "|"
                    + (folded.isEmpty() ? "" : folded.substring(0, 1));
            assertThat(uncut).startsWith(person);
        }
    }
}
