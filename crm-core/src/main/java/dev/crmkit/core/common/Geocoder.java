package dev.crmkit.core.common;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The host's geocoding service, given to {@code Crm.builder().with(geocoder)}: CRMKit has none built in (it makes no
 * network calls). Leads, contacts and accounts saved with an address but no position get the position it finds, so
 * radius queries and geo-targeted segments see them.
 */
@FunctionalInterface
public interface Geocoder {
    /** The position of {@code address}, or empty when unknown. Called before the write, outside any transaction. */
    Optional<GeoPoint> locate(Address address);

    /**
     * {@code address} with the position {@code geocoder} finds, when it has none; unchanged without a geocoder, when
     * nothing is found, or when the geocoder fails (logged: no record is refused for want of a position).
     */
    static @Nullable Address located(@Nullable Geocoder geocoder, @Nullable Address address) {
        if (geocoder == null || address == null || address.geo() != null) {
            return address;
        }
        try {
            Optional<GeoPoint> found = geocoder.locate(address);
            return found == null || found.isEmpty() ? address : address.withGeo(found.get());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Geocoder.class).warn("the geocoder failed; the address is kept without a position",
                    e);
            return address;
        }
    }
}
