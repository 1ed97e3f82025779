package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.ValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * How the email service sends; give one to {@code Crm.builder().with(...)} (with an {@link EmailSender}). The email
 * service needs it for everything but templates.
 *
 * @param from          the sender address of every message
 * @param fromName      the sender's display name, or null
 * @param signingKey    the key unsubscribe and confirmation links are signed with (HMAC-SHA256, a key per tenant
 *                      derived from it); at least 16 bytes in UTF-8. Keep it secret and the same on every node: a
 *                      new key makes the links already sent invalid. Never shown by {@link #toString()}
 * @param linkBase      where the host serves the links: {@code <linkBase>/unsubscribe?token=...} and
 *                      {@code <linkBase>/confirm?token=...}, which call {@code unsubscribe(token)} and
 *                      {@code confirmOptIn(token)}
 * @param optInTtl      how long a confirmation link stays valid
 * @param weeklyCap     the most marketing emails one address gets in any 7 days
 * @param quietHours    no marketing email in these hours of the recipient's day (deferred, not dropped)
 * @param defaultZone   the time zone of recipients who gave none
 */
public record EmailSettings(EmailAddress from, @Nullable String fromName, String signingKey, URI linkBase,
                            Duration optInTtl, int weeklyCap, QuietHours quietHours, ZoneId defaultZone) {
    /** The fewest bytes (UTF-8) of the signing key. */
    public static final int KEY_MIN_BYTES = 16;

    public EmailSettings {
        if (from == null) {
            throw new ValidationException("from", "is required");
        }
        if (signingKey == null || signingKey.getBytes(StandardCharsets.UTF_8).length < KEY_MIN_BYTES) {
            throw new ValidationException("signingKey", "must be at least " + KEY_MIN_BYTES + " bytes in UTF-8");
        }
        if (linkBase == null || !linkBase.isAbsolute() || linkBase.getHost() == null
                || !("https".equals(linkBase.getScheme()) || "http".equals(linkBase.getScheme()))) {
            throw new ValidationException("linkBase", "must be an absolute http or https URL");
        }
        if (optInTtl == null || optInTtl.isNegative() || optInTtl.isZero()) {
            throw new ValidationException("optInTtl", "must be positive");
        }
        if (weeklyCap < 0) {
            throw new ValidationException("weeklyCap", "must be zero or more");
        }
        if (quietHours == null) {
            throw new ValidationException("quietHours", "is required");
        }
        if (defaultZone == null) {
            throw new ValidationException("defaultZone", "is required");
        }
        String base = linkBase.toString();
        linkBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /**
     * Settings with these essentials and the defaults: confirmation links valid 7 days, at most 3 marketing emails a
     * week, quiet hours 21:00 to 08:00, recipients without a zone in UTC.
     */
    public static EmailSettings of(String from, String signingKey, String linkBase) {
        return new EmailSettings(EmailAddress.of(from), null, signingKey, URI.create(linkBase), Duration.ofDays(7), 3,
                QuietHours.defaults(), ZoneOffset.UTC);
    }

    public EmailSettings fromName(String value) {
        return new EmailSettings(from, value, signingKey, linkBase, optInTtl, weeklyCap, quietHours, defaultZone);
    }

    public EmailSettings weeklyCap(int value) {
        return new EmailSettings(from, fromName, signingKey, linkBase, optInTtl, value, quietHours, defaultZone);
    }

    public EmailSettings quietHours(QuietHours value) {
        return new EmailSettings(from, fromName, signingKey, linkBase, optInTtl, weeklyCap, value, defaultZone);
    }

    public EmailSettings optInTtl(Duration value) {
        return new EmailSettings(from, fromName, signingKey, linkBase, value, weeklyCap, quietHours, defaultZone);
    }

    public EmailSettings defaultZone(ZoneId value) {
        return new EmailSettings(from, fromName, signingKey, linkBase, optInTtl, weeklyCap, quietHours, value);
    }

    @Override
    public String toString() {
        return "EmailSettings[from=" + from + ", fromName=" + fromName + ", signingKey=****, linkBase=" + linkBase
                + ", optInTtl=" + optInTtl + ", weeklyCap=" + weeklyCap + ", quietHours=" + quietHours
                + ", defaultZone=" + defaultZone + "]";
    }
}
