package dev.crmkit.core.email;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An email template as it is entered, before validation. Subject, HTML and text are
 * <a href="https://mustache.github.io/mustache.5.html">Mustache</a> templates whose variables are merge fields:
 * {@link MergeFields#STANDARD}, {@code unsubscribeUrl} in marketing templates, {@code confirmUrl} in transactional
 * ones, and the custom {@code fields} declared here. {@code {{name}}} in the HTML body is HTML-escaped.
 *
 * <pre>{@code
 * NewEmailTemplate.marketing("Welcome", "Hello {{firstName}}",
 *         "<p>Hi {{firstName}}</p><p><a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></p>")
 *         .text("Hi {{firstName}}\nUnsubscribe: {{unsubscribeUrl}}")
 * }</pre>
 *
 * @param text   the plain-text body, or null for HTML only
 * @param fields custom merge field names (letters, digits, '_', starting with a letter)
 */
public record NewEmailTemplate(String name, EmailKind kind, String subject, String html, @Nullable String text,
                               Set<String> fields) {
    public NewEmailTemplate {
        // A LinkedHashSet keeps a null name, so validation can report it instead of a NullPointerException.
        fields = fields == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(fields));
    }

    /** A marketing template: its HTML body must link {@code {{unsubscribeUrl}}}. */
    public static NewEmailTemplate marketing(String name, String subject, String html) {
        return new NewEmailTemplate(name, EmailKind.MARKETING, subject, html, null, Set.of());
    }

    /** A transactional template. */
    public static NewEmailTemplate transactional(String name, String subject, String html) {
        return new NewEmailTemplate(name, EmailKind.TRANSACTIONAL, subject, html, null, Set.of());
    }

    public NewEmailTemplate text(String value) {
        return new NewEmailTemplate(name, kind, subject, html, value, fields);
    }

    /** The custom merge fields the bodies and subject may use besides the standard ones. */
    public NewEmailTemplate fields(Set<String> value) {
        return new NewEmailTemplate(name, kind, subject, html, text, value);
    }
}
