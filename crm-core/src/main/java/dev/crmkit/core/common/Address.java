package dev.crmkit.core.common;

import java.util.Locale;
import java.util.Set;

/**
 * A postal address. Every part is optional except that a country, when given, is an ISO 3166 alpha-2 code
 * (stored upper-case); {@code geo} is the geocoded position when known.
 */
public record Address(String street, String city, String region, String postalCode, String country, GeoPoint geo) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Address {
        street = Text.blankToNull(street);
        city = Text.blankToNull(city);
        region = Text.blankToNull(region);
        postalCode = Text.blankToNull(postalCode);
        country = Text.blankToNull(country);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw new ValidationException("country", "is not an ISO 3166 alpha-2 code: " + country);
            }
        }
    }

    public static Address of(String city, String region, String country) {
        return new Address(null, city, region, null, country, null);
    }

    public Address withGeo(GeoPoint point) {
        return new Address(street, city, region, postalCode, country, point);
    }
}
