package dev.crmkit.core.email;

import dev.crmkit.core.common.Versioned;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored email template of a tenant (see {@link NewEmailTemplate} for the syntax). Every merge field it uses is
 * known: checked when it was created.
 *
 * @param text   the plain-text body, or null
 * @param fields the custom merge fields it declares
 */
public record EmailTemplate(EmailTemplateId id, long version, String name, EmailKind kind, String subject, String html,
                            @Nullable String text, Set<String> fields, Instant createdAt, Instant updatedAt)
        implements Versioned<EmailTemplateId, EmailTemplate> {
    public EmailTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }

    @Override
    public EmailTemplate withVersion(long newVersion) {
        return new EmailTemplate(id, newVersion, name, kind, subject, html, text, fields, createdAt, updatedAt);
    }
}
