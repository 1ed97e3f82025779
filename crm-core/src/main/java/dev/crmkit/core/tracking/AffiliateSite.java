package dev.crmkit.core.tracking;

import dev.crmkit.core.common.AffiliateId;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A partner site that shows our ads; {@code trackingCode} is unique per tenant. */
public record AffiliateSite(AffiliateId id, long version, String name, @Nullable String domain, String trackingCode,
                            Instant createdAt) implements Versioned<AffiliateId, AffiliateSite> {
    public AffiliateSite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trackingCode, "trackingCode");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public AffiliateSite withVersion(long newVersion) {
        return new AffiliateSite(id, newVersion, name, domain, trackingCode, createdAt);
    }
}
