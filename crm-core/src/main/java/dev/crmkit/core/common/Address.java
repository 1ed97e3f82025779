package dev.crmkit.core.common;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A postal address. Every part is optional except that a country, when given, is an ISO 3166 alpha-2 code
 * (stored upper-case); {@code geo} is the geocoded position when known. Parts longer than their limit are a
 * {@link ValidationException} naming each of them.
 */
public record Address(@Nullable String street, @Nullable String city, @Nullable String region,
                      @Nullable String postalCode, @Nullable String country, @Nullable GeoPoint geo) {
    /** The longest street, city and region, in characters. */
    public static final int MAX_LINE = 255;
    /** The longest postal code, in characters. */
    public static final int MAX_POSTAL_CODE = 32;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Address {
        street = Text.blankToNull(street);
        city = Text.blankToNull(city);
        region = Text.blankToNull(region);
        postalCode = Text.blankToNull(postalCode);
        country = Text.blankToNull(country);
        Validation v = new Validation();
        v.maxLength("street", street, MAX_LINE);
        v.maxLength("city", city, MAX_LINE);
        v.maxLength("region", region, MAX_LINE);
        v.maxLength("postalCode", postalCode, MAX_POSTAL_CODE);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            v.check(COUNTRIES.contains(country), "country", "is not an ISO 3166 alpha-2 code: " + country);
        }
        v.throwIfInvalid();
    }

    public static Address of(@Nullable String city, @Nullable String region, @Nullable String country) {
        return new Address(null, city, region, null, country, null);
    }

    public Address withGeo(GeoPoint point) {
        return new Address(street, city, region, postalCode, country, point);
    }
}
