package dev.crmkit.core.common;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a phone number typed without its country code is read when the record's address names no country: one
 * region for every tenant, or one per tenant (a tenant per country office). The address's country always wins.
 * Without this setting such a number is not a valid number (a field error, or kept unverified by an import). Set with
 * {@code Crm.builder().with(PhoneRegions.of("AU").forTenant(TenantId.of("berlin"), "DE"))}.
 *
 * @param defaultRegion ISO 3166 alpha-2 region for every tenant not named in {@code byTenant}, or null
 * @param byTenant      the region of particular tenants
 */
public record PhoneRegions(@Nullable String defaultRegion, Map<TenantId, String> byTenant) {
    private static final Set<String> SUPPORTED = PhoneNumberUtil.getInstance().getSupportedRegions();

    public PhoneRegions {
        Validation v = new Validation();
        defaultRegion = region(v, "defaultRegion", defaultRegion);
        Map<TenantId, String> checked = new HashMap<>();
        if (byTenant != null) {
            byTenant.forEach((tenant, region) -> {
                v.check(tenant != null, "byTenant", "names no tenant");
                String r = region(v, "byTenant[" + tenant + "]", region);
                if (tenant != null && r != null) {
                    checked.put(tenant, r);
                }
            });
        }
        v.throwIfInvalid();
        byTenant = Map.copyOf(checked);
    }

    /** No default region: numbers without a country code need an address with a country. */
    public static PhoneRegions none() {
        return new PhoneRegions(null, Map.of());
    }

    /** {@code region} for every tenant. */
    public static PhoneRegions of(String region) {
        return new PhoneRegions(Validation.argument("region", region), Map.of());
    }

    /** These regions, with {@code tenant}'s numbers read in {@code region}. */
    public PhoneRegions forTenant(TenantId tenant, String region) {
        Map<TenantId, String> more = new HashMap<>(byTenant);
        more.put(Validation.argument("tenant", tenant), Validation.argument("region", region));
        return new PhoneRegions(defaultRegion, more);
    }

    /** The region for a number of {@code tenant} whose record's address names {@code country} (may be null). */
    public @Nullable String regionFor(TenantId tenant, @Nullable String country) {
        return country != null ? country : byTenant.getOrDefault(tenant, defaultRegion);
    }

    private static @Nullable String region(Validation v, String field, @Nullable String region) {
        if (region == null) {
            return null;
        }
        String upper = region.strip().toUpperCase(Locale.ROOT);
        return v.check(SUPPORTED.contains(upper), field, "is not a region with phone numbers: " + region) ? upper
                : null;
    }
}
