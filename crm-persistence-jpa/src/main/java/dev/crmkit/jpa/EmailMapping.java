package dev.crmkit.jpa;

import java.util.List;

/** The email entity classes (schema {@code V11__email.sql}), registered with {@link JpaStorage}. */
final class EmailMapping {
    static final List<Class<?>> ENTITIES = List.of(EmailTemplateEntity.class, EmailRecipientEntity.class,
            ConsentChangeRow.class, SentEmailEntity.class);

    private EmailMapping() {
    }
}
