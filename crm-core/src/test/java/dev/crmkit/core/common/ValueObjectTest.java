package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueObjectTest {
    @Test
    void emailIsTrimmedAndLowerCased() {
        assertThat(EmailAddress.of("  Ada.Lovelace@Example.COM ").value()).isEqualTo("ada.lovelace@example.com");
        assertThat(EmailAddress.of("ada@example.com").domain()).isEqualTo("example.com");
    }

    @Test
    void malformedEmailsAreRejectedNamingTheField() {
        for (String bad : new String[] {"ada", "ada@", "@example.com", "ada@example", "a..b@example.com",
                "ada@exa mple.com", ".ada@example.com"}) {
            assertThatThrownBy(() -> EmailAddress.of(bad), bad)
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).hasErrorFor("email")).isTrue());
        }
    }

    @Test
    void phoneNumbersAreParsedToE164() {
        assertThat(PhoneNumber.parse("(415) 555-2671", "US").value()).isEqualTo("+14155552671");
        assertThat(PhoneNumber.parse("+44 20 7946 0958", null).value()).isEqualTo("+442079460958");
        assertThat(PhoneNumber.parse("020 7946 0958", "GB").value()).isEqualTo("+442079460958");
    }

    @Test
    void impossiblePhoneNumbersAreRejected() {
        assertThatThrownBy(() -> PhoneNumber.parse("12", "US")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("not a number", "US")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PhoneNumber("4155552671")).isInstanceOf(ValidationException.class);
    }

    @Test
    void addressNormalizesCountryAndBlankParts() {
        Address a = new Address("  ", "Paris", null, "", "fr", null);
        assertThat(a.country()).isEqualTo("FR");
        assertThat(a.street()).isNull();
        assertThat(a.postalCode()).isNull();
        assertThatThrownBy(() -> Address.of("X", null, "XX"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("country");
    }

    @Test
    void geoDistanceIsHaversine() {
        GeoPoint paris = new GeoPoint(48.8566, 2.3522);
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        assertThat(paris.distanceKm(london)).isBetween(340.0, 346.0);
        assertThat(paris.distanceKm(paris)).isZero();
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void matchKeysIgnoreCaseAccentsSpacingAndLegalForms() {
        assertThat(MatchKeys.person("José", "O'Brien")).isEqualTo(MatchKeys.person(" jose ", "OBRIEN"));
        assertThat(MatchKeys.person("Ada", " ")).isNull();
        assertThat(MatchKeys.company("Acme, Inc.")).isEqualTo(MatchKeys.company("ACME"));
        assertThat(MatchKeys.company("Müller GmbH")).isEqualTo("muller");
        assertThat(MatchKeys.company("Acme")).isNotEqualTo(MatchKeys.company("Acme Rockets"));
    }

    @Test
    void validationExceptionListsEveryField() {
        var e = new ValidationException(java.util.List.of(new FieldError("email", "is missing"),
                new FieldError("lastName", "is missing")));
        assertThat(e.getMessage()).contains("email: is missing").contains("lastName: is missing");
        assertThat(e.errors()).hasSize(2);
    }
}
