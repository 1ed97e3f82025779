package dev.crmkit.core.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A latitude/longitude rectangle: what storage reads by index before the exact distance is checked. Longitudes run
 * from {@code west} to {@code east}; a box across the antimeridian has {@code west > east}.
 */
public record GeoBox(double south, double north, double west, double east) {
    /** Kilometres per degree of latitude (and of longitude on the equator). */
    static final double KM_PER_DEGREE = GeoPoint.EARTH_RADIUS_KM * Math.PI / 180;

    /**
     * The smallest box holding every point within {@code km} of {@code center} on the sphere (Matuschek's bounds):
     * near a pole it spans every longitude.
     */
    public static GeoBox around(GeoPoint center, double km) {
        double dLat = km / KM_PER_DEGREE;
        double south = center.latitude() - dLat;
        double north = center.latitude() + dLat;
        if (south <= -90 || north >= 90) {
            return new GeoBox(Math.max(-90, south), Math.min(90, north), -180, 180);
        }
        double ratio = Math.sin(km / GeoPoint.EARTH_RADIUS_KM) / Math.cos(Math.toRadians(center.latitude()));
        if (ratio >= 1 || km >= GeoPoint.EARTH_RADIUS_KM * Math.PI / 2) {
            return new GeoBox(south, north, -180, 180);
        }
        double dLon = Math.toDegrees(Math.asin(ratio));
        double west = center.longitude() - dLon;
        double east = center.longitude() + dLon;
        return new GeoBox(south, north, west < -180 ? west + 360 : west, east > 180 ? east - 360 : east);
    }

    /** Whether the box crosses the antimeridian (its longitudes wrap from 180 to -180). */
    public boolean wraps() {
        return west > east;
    }

    /** Whether {@code p} lies in the box. */
    public boolean contains(GeoPoint p) {
        double lon = p.longitude();
        return p.latitude() >= south && p.latitude() <= north
                && (wraps() ? lon >= west || lon <= east : lon >= west && lon <= east);
    }

    /** The box as one or two boxes that do not wrap: for storage that reads longitude ranges. */
    public List<GeoBox> unwrapped() {
        if (!wraps()) {
            return List.of(this);
        }
        List<GeoBox> parts = new ArrayList<>(2);
        parts.add(new GeoBox(south, north, west, 180));
        parts.add(new GeoBox(south, north, -180, east));
        return parts;
    }
}
