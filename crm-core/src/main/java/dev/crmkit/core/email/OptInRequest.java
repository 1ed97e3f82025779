package dev.crmkit.core.email;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A request for marketing consent by double opt-in, before validation.
 *
 * @param email        the address that asks to be subscribed
 * @param source       where the request came from (a form's name, a page), at most {@value EmailLimits#SOURCE}
 *                     characters
 * @param zone         the person's time zone for quiet hours, or null
 * @param confirmation a transactional template to send the confirmation link with (merge field
 *                     {@code confirmUrl}), or null when the host sends it itself
 */
public record OptInRequest(String email, String source, @Nullable ZoneId zone, @Nullable EmailTemplateId confirmation) {
    public static OptInRequest of(String email, String source) {
        return new OptInRequest(email, source, null, null);
    }

    public OptInRequest zone(ZoneId value) {
        return new OptInRequest(email, source, value, confirmation);
    }

    public OptInRequest confirmation(EmailTemplateId value) {
        return new OptInRequest(email, source, zone, value);
    }
}
