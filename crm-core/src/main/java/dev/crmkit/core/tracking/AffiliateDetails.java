package dev.crmkit.core.tracking;

/** What a host sets on an affiliate site; {@code name} and a tenant-unique {@code trackingCode} are required. */
public record AffiliateDetails(String name, String domain, String trackingCode) {
}
