package dev.crmkit.jpa;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.GeoPoint;
import jakarta.persistence.Embeddable;

/** {@link Address} as columns {@code address_*}; all of them null means no address. */
@Embeddable
class AddressColumns {
    String street;
    String city;
    String region;
    String postalCode;
    String country;
    Double latitude;
    Double longitude;

    static AddressColumns of(Address a) {
        if (a == null) {
            return null;
        }
        AddressColumns c = new AddressColumns();
        c.street = a.street();
        c.city = a.city();
        c.region = a.region();
        c.postalCode = a.postalCode();
        c.country = a.country();
        if (a.geo() != null) {
            c.latitude = a.geo().latitude();
            c.longitude = a.geo().longitude();
        }
        return c;
    }

    static Address toAddress(AddressColumns c) {
        if (c == null) {
            return null;
        }
        GeoPoint geo = c.latitude == null || c.longitude == null ? null : new GeoPoint(c.latitude, c.longitude);
        return new Address(c.street, c.city, c.region, c.postalCode, c.country, geo);
    }
}
