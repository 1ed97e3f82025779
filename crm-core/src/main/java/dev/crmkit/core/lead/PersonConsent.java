package dev.crmkit.core.lead;

import dev.crmkit.core.common.Consent;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.consent.Consents;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.CustomerEvent.ContactSaved;
import dev.crmkit.core.lead.LeadEvent.LeadUpdated;
import java.util.List;
import java.util.Map;

/**
 * A consent record for a lead or contact, and the consent flag it sets on them, in the same transaction: what
 * {@code ConsentService} and email's consent changes both do. The event names the transaction's tenant (a link that
 * works without login writes for the tenant it names).
 */
public final class PersonConsent {
    private PersonConsent() {
    }

    /** Stores {@code record} of {@code lead}; when its flag differs, saves the lead with a history line. */
    public static void record(CrmContext<?> ctx, LeadTx tx, Lead lead, ConsentRecord record) {
        tx.consents().append(List.of(record));
        if (changesFlag(record, lead.consent())) {
            Lead saved = tx.leads().save(lead.withConsent(Consents.with(lead.consent(), record.purpose(),
                    record.granted()), record.purpose() + (record.granted() ? " granted" : " withdrawn"),
                    record.at(), record.by()));
            ctx.raise(new LeadUpdated(tx.tenant(), record.at(), saved));
        }
    }

    /** Stores {@code record} of {@code contact}; when its flag differs, saves the contact. */
    public static void record(CrmContext<?> ctx, LeadTx tx, Contact contact, ConsentRecord record) {
        tx.consents().append(List.of(record));
        if (changesFlag(record, contact.consent())) {
            Contact saved = tx.contacts().save(contact.withConsent(Consents.with(contact.consent(),
                    record.purpose(), record.granted()), record.at()));
            ctx.raise(new ContactSaved(tx.tenant(), record.at(), saved));
        }
    }

    private static boolean changesFlag(ConsentRecord record, Consent flags) {
        return record.purpose() != ConsentPurpose.SMS
                && Consents.granted(record.purpose(), flags, Map.of()) != record.granted();
    }
}
