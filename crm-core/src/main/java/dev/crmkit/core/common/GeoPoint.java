package dev.crmkit.core.common;

/** A WGS 84 position in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {
    /** The mean earth radius of WGS 84, in kilometres. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new ValidationException("latitude", "must be between -90 and 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new ValidationException("longitude", "must be between -180 and 180");
        }
    }

    /** Great-circle distance in kilometres (haversine). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
