package dev.crmkit.core.privacy;

import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.email.EmailService;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadStatus;
import dev.crmkit.core.lead.PersonConsent;
import dev.crmkit.core.sharing.Audience;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Consent per person and purpose: a lead or contact agrees to (on a lawful basis, with its source and any proof) or
 * withdraws from email marketing, SMS, phone calls, profiling or postal mail. Each change is kept for good, and the
 * person's consent flags follow it in the same transaction, so automation, lists and tracking respect it at once
 * (a person who withdrew from profiling is no longer tracked). Email marketing is also recorded for the person's
 * address ({@link EmailService#grantConsent}, {@link EmailService#withdrawConsent}), which is what sending checks.
 * A lead merge keeps the most restrictive state.
 */
public final class ConsentService {
    private final CrmContext<? extends PrivacyTx> ctx;
    private final EmailService email;

    /** Consent on {@code ctx}; a person's email-marketing consent also goes to their address in {@code email}. */
    public ConsentService(CrmContext<? extends PrivacyTx> ctx, EmailService email) {
        this.ctx = ctx;
        this.email = email;
    }

    /**
     * Records that {@code person} (a lead or contact id) agreed to {@code purpose} on {@code basis}; {@code source}
     * says where (a form, a call), {@code proof} may name the evidence (a double opt-in token). A missing basis is a
     * {@code ValidationException} naming {@code basis}, and nothing is written.
     */
    public ConsentRecord grant(EntityId person, ConsentPurpose purpose, @Nullable LawfulBasis basis, String source,
                               @Nullable String proof) {
        return change(person, purpose, true, basis, source, proof);
    }

    /** Records that {@code person} withdrew from {@code purpose} (no basis needed: anyone may refuse). */
    public ConsentRecord withdraw(EntityId person, ConsentPurpose purpose, String source) {
        return change(person, purpose, false, null, source, null);
    }

    /**
     * The latest record of {@code person} per purpose; purposes never recorded are absent. A person the caller does
     * not see is a {@code NotFoundException} here and in every method of this service.
     */
    public Map<ConsentPurpose, ConsentRecord> current(EntityId person) {
        check(person);
        return ctx.read(tx -> {
            Audience.requireSeen(ctx, tx, person);
            return tx.consents().current(person.value());
        });
    }

    /** Every consent change of {@code person}, oldest first. */
    public List<ConsentRecord> history(EntityId person) {
        check(person);
        return ctx.read(tx -> {
            Audience.requireSeen(ctx, tx, person);
            return tx.consents().history(person.value());
        });
    }

    private ConsentRecord change(EntityId person, ConsentPurpose purpose, boolean granted,
                                 @Nullable LawfulBasis basis, String source, @Nullable String proof) {
        Validation v = new Validation();
        v.check(person instanceof LeadId || person instanceof ContactId, "person", "must be a lead or a contact");
        v.check(purpose != null, "purpose", "is required");
        v.check(!granted || basis != null, "basis", "is required: a consent rests on a lawful basis");
        String from = v.requireText("source", source);
        v.maxLength("source", from, ConsentRecord.MAX_SOURCE);
        v.singleLine("source", from);
        String evidence = Text.blankToNull(proof);
        v.maxLength("proof", evidence, ConsentRecord.MAX_PROOF);
        v.singleLine("proof", evidence);
        v.throwIfInvalid();
        return ctx.write(tx -> {
            Audience.requireSeen(ctx, tx, person);
            ConsentRecord record = new ConsentRecord(ctx.newId(), person.value(), purpose, granted, basis,
                    Validation.checked(from), evidence, ctx.user(), ctx.now());
            if (person instanceof LeadId lead) {
                Lead l = tx.leads().get(lead);
                if (l.status() == LeadStatus.MERGED) {
                    throw new ValidationException("person", "is merged into lead " + l.outcome().mergedInto());
                }
                PersonConsent.record(ctx, tx, l, record);
                toAddress(record, l.reach().email());
            } else {
                Contact c = tx.contacts().get((ContactId) person);
                PersonConsent.record(ctx, tx, c, record);
                toAddress(record, c.points().email());
            }
            return record;
        });
    }

    /** An email-marketing change also changes the person's address, in the same transaction. */
    private void toAddress(ConsentRecord record, @Nullable EmailAddress address) {
        if (record.purpose() != ConsentPurpose.EMAIL_MARKETING || address == null) {
            return;
        }
        if (record.granted()) {
            email.grantConsent(address.value(), Validation.checked(record.basis()), record.source());
        } else {
            email.withdrawConsent(address.value(), record.source());
        }
    }

    private static void check(EntityId person) {
        Validation.argument("person", person);
        if (!(person instanceof LeadId || person instanceof ContactId)) {
            throw new ValidationException("person", "must be a lead or a contact");
        }
    }
}
