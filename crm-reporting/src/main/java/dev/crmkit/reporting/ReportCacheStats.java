package dev.crmkit.reporting;

/**
 * Counters of a {@link ReportService}'s result cache since it was created.
 *
 * @param invalidations domain events that made cached results of some fact source out of date
 * @param size          results held now
 */
public record ReportCacheStats(long hits, long misses, long evictions, long invalidations, long size) {
}
