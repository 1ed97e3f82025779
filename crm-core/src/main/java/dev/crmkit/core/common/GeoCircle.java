package dev.crmkit.core.common;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The points within {@code radiusKm} of {@code center}, by great-circle distance. */
public record GeoCircle(GeoPoint center, double radiusKm) {
    public GeoCircle {
        Objects.requireNonNull(center, "center");
        if (!(radiusKm > 0 && radiusKm <= GeoSearch.MAX_KM)) {
            throw new ValidationException("radiusKm", "must be more than 0 and at most " + GeoSearch.MAX_KM);
        }
    }

    /** Whether {@code p} is in the circle; false for no position. */
    public boolean contains(@Nullable GeoPoint p) {
        return p != null && center.distanceKm(p) <= radiusKm;
    }

    /** The box storage reads around the circle. */
    public GeoBox box() {
        return GeoBox.around(center, radiusKm);
    }
}
