package dev.crmkit.core.email;

import dev.crmkit.core.common.EmailAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One email as an {@link EmailSender} sends it: rendered, addressed, with its extra headers (for marketing mail
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}, RFC 8058).
 *
 * @param fromName the sender's display name, or null
 * @param text     the plain-text body, or null for an HTML-only message
 * @param headers  extra header names and values, in order; never {@code From}, {@code To} or {@code Subject}
 */
public record EmailMessage(EmailAddress from, @Nullable String fromName, EmailAddress to, String subject, String html,
                           @Nullable String text, Map<String, String> headers) {
    public EmailMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of header {@code name} (case-insensitive), or null. */
    public @Nullable String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
