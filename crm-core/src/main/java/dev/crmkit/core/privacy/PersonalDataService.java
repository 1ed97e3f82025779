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
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.common.ValueRecordsJson;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.document.DocumentOwner;
import dev.crmkit.core.document.DocumentRepository;
import dev.crmkit.core.document.DocumentStore;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.task.Subject;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Data-subject access: everything CRMKit holds about one person, as one JSON document a host can hand over — the
 * lead or contact record (with its history), touchpoints (emails sent and clicked among them), tasks, cases,
 * purchases, feedback, their consent history per purpose, the email consent state and history of their address, and the list of their documents (names,
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

    /** How many expired leads one write of {@link #eraseUnconvertedLeads} erases. */
    private static final int RETENTION_BATCH = 100;

    private final CrmContext<? extends PrivacyTx> ctx;
    private final DocumentStore documentStore;

    /** The service; {@code documentStore} is where erased documents' bytes are removed from. */
    public PersonalDataService(CrmContext<? extends PrivacyTx> ctx, DocumentStore documentStore) {
        this.ctx = ctx;
        this.documentStore = documentStore;
    }

    /**
     * Erases the person of this lead, in one write: every lead and contact holding their email address, the contact
     * the lead became, and what names them anywhere. Their leads, contacts, consent records, email state and emails,
     * nurture enrollments, segment memberships, rule runs, documents, audit entries and outbox events are deleted;
     * what the business keeps (cases, purchases, feedback ratings, tasks, calendar events, touchpoints as anonymous
     * counts) loses their name, email and phone. The audit keeps an {@code ERASED} entry per record (who, when, no
     * values) and a {@code PersonErased} event naming only ids tells subscribers. Needs the ADMIN role; an unknown
     * lead is a {@code NotFoundException} and nothing is written.
     */
    public Erasure erase(LeadId id) {
        Validation.argument("id", id);
        ctx.actor().require(Actor.ADMIN, "erase personal data");
        return ctx.write(tx -> {
            Lead lead = tx.leads().find(id).orElseThrow(() -> new NotFoundException("Lead", id));
            return erase(tx, PersonErasure.gather(tx, List.of(lead), List.of()), "PersonalDataService.erase");
        });
    }

    /** Erases the person of this contact, as {@link #erase(LeadId)}. */
    public Erasure erase(ContactId id) {
        Validation.argument("id", id);
        ctx.actor().require(Actor.ADMIN, "erase personal data");
        return ctx.write(tx -> {
            Contact contact = tx.contacts().find(id).orElseThrow(() -> new NotFoundException("Contact", id));
            return erase(tx, PersonErasure.gather(tx, List.of(), List.of(contact)), "PersonalDataService.erase");
        });
    }

    /**
     * A retention rule, run from the host's schedule: erases each lead that was never converted and has not changed
     * for {@code untouchedFor} (captured and last updated before now minus that), as {@link #erase(LeadId)} erases a
     * lead but only that lead: another record with the same address keeps it and what email holds of it. Writes in
     * batches of {@value #RETENTION_BATCH} leads; returns how many leads were erased. Needs the ADMIN role.
     */
    public int eraseUnconvertedLeads(Period untouchedFor) {
        Validation.argument("untouchedFor", untouchedFor);
        if (untouchedFor.isNegative() || untouchedFor.isZero()) {
            throw new ValidationException("untouchedFor", "must be a positive period");
        }
        ctx.actor().require(Actor.ADMIN, "erase personal data");
        Instant cutoff = ctx.now().atZone(ZoneOffset.UTC).minus(untouchedFor).toInstant();
        List<LeadId> expired = ctx.read(tx -> {
            List<LeadId> ids = new ArrayList<>();
            tx.leads().forEachCreated(Instant.EPOCH, cutoff, l -> {
                if (expired(l, cutoff)) {
                    ids.add(l.id());
                }
            });
            return ids;
        });
        int erased = 0;
        for (int from = 0; from < expired.size(); from += RETENTION_BATCH) {
            List<LeadId> batch = expired.subList(from, Math.min(expired.size(), from + RETENTION_BATCH));
            erased += ctx.write(tx -> {
                int done = 0;
                for (Lead lead : tx.leads().findAll(batch).values()) {
                    if (expired(lead, cutoff)) { // read again: it may have been worked since the list was made
                        erase(tx, PersonErasure.only(List.of(lead)),
                                "PersonalDataService.eraseUnconvertedLeads");
                        done++;
                    }
                }
                return done;
            });
        }
        return erased;
    }

    private static boolean expired(Lead lead, Instant cutoff) {
        return lead.status() != LeadStatus.CONVERTED && lead.updatedAt().isBefore(cutoff);
    }

    private Erasure erase(PrivacyTx tx, PersonErasure.People people, String operation) {
        return new PersonErasure(ctx, documentStore, tx).erase(people, operation);
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
            out.put("consent", tx.consents().history(id.value()));
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
        out.put("consent", tx.consents().history(c.id().value()));
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
