package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one address of a tenant stands on email: its marketing consent, the open opt-in request, the time zone its
 * quiet hours are kept in, and whether it is suppressed. One per address; versioned like an aggregate. Its changes
 * are also kept, for good, as {@link ConsentChange}s.
 *
 * @param basis        the lawful basis of the current consent; null unless {@link ConsentStatus#SUBSCRIBED}
 * @param optInNonce   the SHA-256 (hex) of the open opt-in request's nonce, or null
 * @param optInExpires when the open opt-in request runs out, or null
 * @param zone         the recipient's time zone, or null for the settings' default
 * @param suppressed   why the address is suppressed, or null
 * @param suppressedAt when it was suppressed, or null
 */
public record EmailRecipient(EmailRecipientId id, EmailAddress email, long version, ConsentStatus status,
                             @Nullable LawfulBasis basis, @Nullable String optInNonce, @Nullable Instant optInExpires,
                             @Nullable ZoneId zone, @Nullable SuppressionReason suppressed,
                             @Nullable Instant suppressedAt, Instant updatedAt)
        implements Versioned<EmailRecipientId, EmailRecipient> {
    public EmailRecipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        basis = status == ConsentStatus.SUBSCRIBED ? basis : null;
        optInExpires = Validation.storable(optInExpires);
        suppressedAt = suppressed == null ? null : Validation.storable(suppressedAt);
        updatedAt = Validation.storable(updatedAt);
    }

    /** A new address: nothing asked, not suppressed; stored at version 0 (not yet). */
    static EmailRecipient fresh(EmailRecipientId id, EmailAddress email, Instant now) {
        return new EmailRecipient(id, email, 0, ConsentStatus.NONE, null, null, null, null, null, null, now);
    }

    /** Whether marketing email may go to this address now: subscribed and not suppressed. */
    public boolean marketable() {
        return status == ConsentStatus.SUBSCRIBED && suppressed == null;
    }

    /** A copy with an open opt-in request; a subscribed address stays subscribed until it confirms again. */
    EmailRecipient optInRequested(String nonceHash, Instant expires, @Nullable ZoneId newZone, Instant now) {
        ConsentStatus next = status == ConsentStatus.SUBSCRIBED ? status : ConsentStatus.PENDING;
        return new EmailRecipient(id, email, version, next, basis, nonceHash, expires, newZone != null ? newZone : zone,
                suppressed, suppressedAt, now);
    }

    /**
     * A copy that is subscribed on {@code newBasis}; the open request closes, and an unsubscribe suppression lifts
     * (bounces and complaints stay).
     */
    EmailRecipient subscribed(LawfulBasis newBasis, @Nullable ZoneId newZone, Instant now) {
        boolean lift = suppressed == SuppressionReason.UNSUBSCRIBED;
        return new EmailRecipient(id, email, version, ConsentStatus.SUBSCRIBED, newBasis, null, null,
                newZone != null ? newZone : zone, lift ? null : suppressed, lift ? null : suppressedAt, now);
    }

    /** A copy that is unsubscribed and suppressed for that (a stronger suppression stays). */
    EmailRecipient unsubscribed(Instant now) {
        SuppressionReason reason = suppressed != null ? suppressed : SuppressionReason.UNSUBSCRIBED;
        return new EmailRecipient(id, email, version, ConsentStatus.UNSUBSCRIBED, null, null, null, zone, reason,
                suppressed != null ? suppressedAt : now, now);
    }

    /** A copy suppressed for {@code reason}; an unsubscribe suppression gives way to a bounce or complaint. */
    EmailRecipient suppress(SuppressionReason reason, Instant now) {
        return new EmailRecipient(id, email, version, status, basis, optInNonce, optInExpires, zone, reason, now, now);
    }

    @Override
    public EmailRecipient withVersion(long newVersion) {
        return new EmailRecipient(id, email, newVersion, status, basis, optInNonce, optInExpires, zone, suppressed,
                suppressedAt, updatedAt);
    }
}
