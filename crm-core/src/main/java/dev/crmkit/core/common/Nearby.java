package dev.crmkit.core.common;

import java.util.Objects;

/**
 * A record found near a place, with its great-circle distance from it.
 *
 * @param distanceKm kilometres from the place searched around
 */
public record Nearby<T>(T record, double distanceKm) {
    public Nearby {
        Objects.requireNonNull(record, "record");
    }
}
