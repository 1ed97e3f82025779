package dev.crmkit.core.email;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One email to send from a template, before validation: to whom, the merge values, and the lead or contact it is
 * for (its touchpoints, so scoring and reports see it; optional).
 *
 * <pre>{@code
 * EmailRequest.of(welcome, "ada@example.com").values(Map.of("firstName", "Ada")).lead(id)
 * }</pre>
 *
 * @param values merge field values by name; {@code email}, {@code unsubscribeUrl} and {@code confirmUrl} are the
 *               service's own
 */
public record EmailRequest(EmailTemplateId template, String to, Map<String, String> values, @Nullable LeadId lead,
                           @Nullable ContactId contact) {
    public EmailRequest {
        // A LinkedHashMap keeps null keys and values, so validation can report them.
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static EmailRequest of(EmailTemplateId template, String to) {
        return new EmailRequest(template, to, Map.of(), null, null);
    }

    public EmailRequest values(Map<String, String> value) {
        return new EmailRequest(template, to, value, lead, contact);
    }

    public EmailRequest lead(LeadId value) {
        return new EmailRequest(template, to, values, value, contact);
    }

    public EmailRequest contact(ContactId value) {
        return new EmailRequest(template, to, values, lead, value);
    }
}
