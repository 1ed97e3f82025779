package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import java.util.List;

/**
 * Duplicates across record types, with the weights and thresholds of {@link DuplicateRules} and an explanation per
 * match: contacts that look like a contact, accounts that look like an account (name, website domain, address).
 * Leads are flagged on capture and looked up by {@link LeadService#findDuplicates}. Lookups only: matching never
 * refuses or changes a record.
 */
public final class DuplicateService {
    private final CrmContext<? extends LeadTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public DuplicateService(CrmContext<? extends LeadTx> ctx) {
        this.ctx = ctx;
    }

    /** The contacts that look like contact {@code id}, best first; {@code NotFoundException} if there is none. */
    public List<DuplicateMatch> ofContact(ContactId id) {
        return ctx.read(tx -> finder(tx).find(tx.contacts().get(id)));
    }

    /** The accounts that look like account {@code id}, best first; {@code NotFoundException} if there is none. */
    public List<DuplicateMatch> ofAccount(AccountId id) {
        return ctx.read(tx -> finder(tx).find(tx.accounts().get(id)));
    }

    /**
     * The leads and contacts that look like {@code lead}, stored or not (a {@link LeadService#preview preview}),
     * best first; the lead itself is left out.
     */
    public List<DuplicateMatch> of(Lead lead) {
        Validation.argument("lead", lead);
        return ctx.read(tx -> finder(tx).find(lead));
    }

    /** The contacts that look like {@code contact}, stored or not (a preview), best first; itself left out. */
    public List<DuplicateMatch> of(Contact contact) {
        Validation.argument("contact", contact);
        return ctx.read(tx -> finder(tx).find(contact));
    }

    /** The accounts that look like {@code account}, stored or not (a preview), best first; itself left out. */
    public List<DuplicateMatch> of(Account account) {
        Validation.argument("account", account);
        return ctx.read(tx -> finder(tx).find(account));
    }

    private DuplicateFinder finder(LeadTx tx) {
        return new DuplicateFinder(tx, Scorer.of(TenantDuplicateRules.forActor(ctx)));
    }
}
