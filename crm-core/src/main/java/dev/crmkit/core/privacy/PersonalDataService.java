package dev.crmkit.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValueRecordsJson;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentRepository;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.task.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Data-subject access: everything CRMKit holds about one person, as one JSON document a host can hand over — the
 * lead or contact record (with its history), touchpoints (emails sent and clicked among them), tasks, cases,
 * purchases, feedback, the email consent state and history of their address, and the list of their documents (names,
 * types, sizes, hashes; the bytes are fetched through {@code documents().open}). Needs the ADMIN role: it reads
 * across owners.
 */
public final class PersonalDataService {
    private static final ObjectMapper JSON = JsonMapper.builder(JsonLimits.ownText())
            .addModule(new JavaTimeModule())
            .addModule(ValueRecordsJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final CrmContext<? extends PrivacyTx> ctx;

    public PersonalDataService(CrmContext<? extends PrivacyTx> ctx) {
        this.ctx = ctx;
    }

    /** Everything held about the person of this lead (and the contact it became, if converted), as JSON. */
    public String export(LeadId id) {
        Validation.argument("id", id);
        ctx.actor().require(Actor.ADMIN, "export personal data");
        return ctx.read(tx -> {
            Lead lead = tx.leads().find(id).orElseThrow(() -> new NotFoundException("Lead", id));
            Map<String, Object> out = header("lead");
            out.put("lead", lead);
            out.put("touchpoints", tx.touchpoints().findByLead(id));
            out.put("tasks", tx.tasks().findBySubject(Subject.of(id)));
            emailData(tx, out, lead.reach().email() == null ? null : lead.reach().email().value());
            if (lead.outcome().convertedContact() != null) {
                tx.contacts().find(lead.outcome().convertedContact()).ifPresent(c -> out.put("becameContact",
                        contact(tx, c)));
            }
            return write(out);
        });
    }

    /** Everything held about the person of this contact, as JSON. */
    public String export(ContactId id) {
        Validation.argument("id", id);
        ctx.actor().require(Actor.ADMIN, "export personal data");
        return ctx.read(tx -> {
            Contact c = tx.contacts().find(id).orElseThrow(() -> new NotFoundException("Contact", id));
            Map<String, Object> out = header("contact");
            out.putAll(contact(tx, c));
            emailData(tx, out, c.points().email() == null ? null : c.points().email().value());
            return write(out);
        });
    }

    private Map<String, Object> header(String subject) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", ctx.now());
        out.put("exportedBy", ctx.user());
        out.put("tenant", ctx.actor().tenant());
        out.put("subject", subject);
        return out;
    }

    private static Map<String, Object> contact(PrivacyTx tx, Contact c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contact", c);
        out.put("touchpoints", tx.touchpoints().findByContact(c.id()));
        out.put("cases", tx.cases().findByContact(c.id()));
        out.put("purchases", tx.purchases().findByContact(c.id()));
        out.put("feedback", tx.feedback().findByContact(c.id()));
        out.put("tasks", tx.tasks().findBySubject(Subject.of(c.id())));
        DocumentRepository documents = tx.documents();
        out.put("documents", documents.ofOwner(DocumentOwner.of(c.id())));
        return out;
    }

    private static void emailData(PrivacyTx tx, Map<String, Object> out, @Nullable String email) {
        if (email == null) {
            out.put("emailRecipient", null);
            out.put("emailConsentHistory", List.of());
            return;
        }
        EmailAddress address = EmailAddress.of(email);
        out.put("emailRecipient", tx.emailRecipients().findByEmail(address).orElse(null));
        out.put("emailConsentHistory", tx.emailRecipients().changes(address));
    }

    private static String write(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the personal data export", e);
        }
    }
}
