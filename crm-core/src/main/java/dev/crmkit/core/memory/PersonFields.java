package dev.crmkit.core.memory;

import dev.crmkit.core.common.Address;

/** Filter and grouping rules leads and contacts share, so both adapters' semantics are written once here. */
final class PersonFields {
    private PersonFields() {
    }

    static boolean matchesLocation(Address a, String country, String region, String city) {
        return (country == null || (a != null && country.equalsIgnoreCase(a.country())))
                && (region == null || (a != null && region.equalsIgnoreCase(a.region())))
                && (city == null || (a != null && city.equalsIgnoreCase(a.city())));
    }

    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
