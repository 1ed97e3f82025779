package dev.crmkit.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records within a distance of a place, for the services' {@code near} queries: storage reads the records in the
 * {@link GeoBox} around the place from an index; this keeps those within the great-circle distance, nearest first
 * (ties by id), so every adapter answers alike.
 */
public final class GeoSearch {
    /** Half a meridian: every point on earth is within it. */
    public static final double MAX_KM = 20_016;

    private GeoSearch() {
    }

    /** Checks a search's place ({@code center}), radius ({@code radiusKm}) and {@code limit}; all errors at once. */
    public static void check(GeoPoint center, double radiusKm, int limit) {
        Validation v = new Validation();
        v.check(center != null, "center", "is required");
        v.check(radiusKm > 0 && radiusKm <= MAX_KM, "radiusKm", "must be more than 0 and at most " + MAX_KM);
        v.check(limit >= 1 && limit <= PageRequest.MAX_SIZE, "limit", "must be 1 to " + PageRequest.MAX_SIZE);
        v.throwIfInvalid();
    }

    /** The {@code limit} nearest of {@code candidates} within {@code radiusKm} of {@code center}. */
    public static <T, I extends Comparable<? super I>> List<Nearby<T>> nearest(Collection<T> candidates,
            Function<T, GeoPoint> position, Function<T, I> id, GeoPoint center, double radiusKm, int limit) {
        List<Nearby<T>> within = new ArrayList<>();
        for (T t : candidates) {
            GeoPoint p = position.apply(t);
            if (p != null) {
                double d = center.distanceKm(p);
                if (d <= radiusKm) {
                    within.add(new Nearby<>(t, d));
                }
            }
        }
        within.sort(Comparator.<Nearby<T>>comparingDouble(Nearby::distanceKm)
                .thenComparing(n -> id.apply(n.record())));
        return within.size() > limit ? List.copyOf(within.subList(0, limit)) : within;
    }

    /** The address's position, or null. */
    public static @Nullable GeoPoint of(@Nullable Address address) {
        return address == null ? null : address.geo();
    }
}
