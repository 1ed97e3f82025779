package dev.crmkit.core.memory;

import dev.crmkit.core.common.Address;
import org.jspecify.annotations.Nullable;

/** Filter and grouping rules leads and contacts share, so both adapters' semantics are written once here. */
final class PersonFields {
    private PersonFields() {
    }

    static boolean matchesLocation(@Nullable Address a, @Nullable String country, @Nullable String region,
                                   @Nullable String city) {
        return (country == null || (a != null && country.equalsIgnoreCase(a.country())))
                && (region == null || (a != null && region.equalsIgnoreCase(a.region())))
                && (city == null || (a != null && city.equalsIgnoreCase(a.city())));
    }

    static String orEmpty(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
