package dev.crmkit.core.email;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An email the service sent, or holds for the recipient's quiet hours: rendered, with whom it was for. Marketing
 * emails sent count towards the weekly cap.
 *
 * @param template the template it was rendered from
 * @param lead     the lead it went to, or null
 * @param contact  the contact it went to, or null
 * @param text     the plain-text body, or null
 * @param dueAt    for {@link SentEmailStatus#DEFERRED}: when it may go out; otherwise null
 * @param sentAt   when it was handed to the sender, or null
 * @param reason   for {@link SentEmailStatus#CANCELLED}: why it was not sent
 */
public record SentEmail(SentEmailId id, long version, EmailKind kind, EmailTemplateId template, EmailAddress to,
                        @Nullable LeadId lead, @Nullable ContactId contact, String subject, String html,
                        @Nullable String text, SentEmailStatus status, @Nullable String reason, Instant createdAt,
                        @Nullable Instant dueAt, @Nullable Instant sentAt)
        implements Versioned<SentEmailId, SentEmail> {
    public SentEmail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(status, "status");
        createdAt = Validation.storable(Objects.requireNonNull(createdAt, "createdAt"));
        dueAt = status == SentEmailStatus.DEFERRED ? Validation.storable(Objects.requireNonNull(dueAt, "dueAt")) : null;
        sentAt = Validation.storable(sentAt);
    }

    /** A copy that went out at {@code now}. */
    SentEmail sent(Instant now) {
        return new SentEmail(id, version, kind, template, to, lead, contact, subject, html, text,
                SentEmailStatus.SENT, null, createdAt, null, now);
    }

    /** A copy that will not go out, for {@code why}. */
    SentEmail cancelled(String why) {
        return new SentEmail(id, version, kind, template, to, lead, contact, subject, html, text,
                SentEmailStatus.CANCELLED, why, createdAt, null, null);
    }

    @Override
    public SentEmail withVersion(long newVersion) {
        return new SentEmail(id, newVersion, kind, template, to, lead, contact, subject, html, text, status, reason,
                createdAt, dueAt, sentAt);
    }
}
