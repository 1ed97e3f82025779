package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.IllegalTransitionException;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.OpportunityId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.consent.ConsentRecord;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.customer.CustomerLimits;
import dev.crmkit.core.lead.LeadEvent.LeadConverted;
import dev.crmkit.core.lead.LeadEvent.LeadStatusChanged;
import dev.crmkit.core.sales.NewOpportunity;
import dev.crmkit.core.sales.OpportunityService;
import dev.crmkit.core.sharing.Share;
import dev.crmkit.core.task.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One lead conversion inside the caller's write transaction: find or create account and contact, carry over. */
final class LeadConversion {
    private final CrmContext<? extends LeadTx> ctx;
    private final LeadTx tx;

    LeadConversion(CrmContext<? extends LeadTx> ctx, LeadTx tx) {
        this.ctx = ctx;
        this.tx = tx;
    }

    Conversion convert(Lead lead, ConvertLead how) {
        if (!lead.status().canMoveTo(LeadStatus.CONVERTED)) {
            throw new IllegalTransitionException("Lead", lead.status(), LeadStatus.CONVERTED);
        }
        Validation v = new Validation();
        Optional<Account> account = existingAccount(lead, how, v);
        Optional<Contact> contact = account.isEmpty() ? Optional.empty() : existingContact(lead, account.get(), how, v);
        if (how.wantsOpportunity()) {
            v.require("opportunityName", how.opportunityName());
            v.require("opportunityAmount", how.opportunityAmount());
            v.require("opportunityCloseDate", how.opportunityCloseDate());
        }
        v.throwIfInvalid();

        Identity who = lead.identity();
        Reach reach = lead.reach();
        AccountId accountId = account.map(Account::id).orElseGet(() -> new AccountService(ctx).create(
                new AccountDetails(who.company() != null ? who.company() : personalName(who), null, null,
                        reach.address(), null, lead.owner(), Set.of())));
        if (!AccountService.seen(ctx, tx, accountId)) {
            // a lead shared with the converter becomes an account shared with them (it is its owner's, as the lead)
            tx.shares().add(new Share(accountId.value(), ctx.user(), ctx.user(), ctx.now()));
        }
        ContactId contactId = contact.map(Contact::id).orElseGet(() -> new ContactService(ctx).createFromLead(
                new ContactDetails(accountId, who.firstName(), who.lastName(), who.title(),
                        reach.email() == null ? null : reach.email().value(),
                        reach.phone() == null ? null : reach.phone().value(), reach.address(), who.birthDate(), null,
                        null, Set.of(), false, lead.owner(), lead.consent(), lead.tags()), lead.id()));

        OpportunityId opportunity = !how.wantsOpportunity() ? null : new OpportunityService(ctx).create(
                NewOpportunity.of(accountId, Validation.checked(how.opportunityName()),
                                Validation.checked(how.opportunityAmount()),
                                Validation.checked(how.opportunityCloseDate()))
                        .withContact(contactId).withOwner(lead.owner()).withSourceLead(lead.id()));
        tx.touchpoints().linkLeadToContact(lead.id(), contactId, accountId);
        Instant now = ctx.now();
        carryConsent(lead, contactId, now);
        LeadWork.move(tx, lead.id(), Subject.of(contactId), now);
        Lead saved = tx.leads().save(lead.convert(accountId, contactId, opportunity, now, ctx.user()));
        ctx.raise(new LeadStatusChanged(ctx.actor().tenant(), now, saved, lead.status(), LeadStatus.CONVERTED));
        ctx.raise(new LeadConverted(ctx.actor().tenant(), now, saved, accountId, contactId,
                opportunity));
        return new Conversion(lead.id(), accountId, account.isEmpty(), contactId, contact.isEmpty(), opportunity);
    }

    /**
     * The person's latest word on each purpose goes with them to the contact (a refusal of profiling must keep
     * stopping tracking of what names only the contact), where the contact has no newer word of its own.
     */
    private void carryConsent(Lead lead, ContactId contact, Instant now) {
        Map<ConsentPurpose, ConsentRecord> own = tx.consents().current(contact.value());
        List<ConsentRecord> carried = new ArrayList<>();
        tx.consents().current(lead.id().value()).forEach((purpose, r) -> {
            ConsentRecord mine = own.get(purpose);
            if (mine == null || mine.at().isBefore(r.at())) {
                carried.add(new ConsentRecord(ctx.newId(), contact.value(), purpose, r.granted(), r.basis(),
                        "carried from lead " + lead.id() + ": " + r.source(), r.proof(), ctx.user(), now));
            }
        });
        if (!carried.isEmpty()) {
            tx.consents().append(carried);
        }
    }

    private Optional<Account> existingAccount(Lead lead, ConvertLead how, Validation v) {
        if (how.account() != null) {
            Optional<Account> a = tx.accounts().find(how.account()).filter(AccountService.seenBy(ctx, tx));
            v.check(a.isPresent(), "account", "no such account: " + how.account());
            return a;
        }
        String key = MatchKeys.company(lead.identity().company());
        if (key == null) {
            return Optional.empty();
        }
        List<Account> matches = tx.accounts().findByNameKey(key).stream()
                .filter(AccountService.seenBy(ctx, tx)).toList(); // one the converter may not see is none
        v.check(matches.size() <= 1, "account",
                matches.size() + " accounts are named like '" + lead.identity().company()
                + "': name the one to attach to");
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private Optional<Contact> existingContact(Lead lead, Account account, ConvertLead how, Validation v) {
        if (how.contact() != null) {
            Optional<Contact> c = tx.contacts().find(how.contact());
            v.check(c.isPresent() && account.id().equals(c.get().account()), "contact",
                    "no contact " + how.contact() + " at account " + account.id());
            return c;
        }
        if (lead.reach().email() == null) {
            return Optional.empty();
        }
        return tx.contacts().findByEmail(lead.reach().email()).stream()
                .filter(c -> account.id().equals(c.account())).findFirst();
    }

    /** The person's full name, or their last name alone when the full one is too long for an account's name. */
    private static String personalName(Identity who) {
        String first = who.firstName();
        String last = who.lastName();
        String full = first == null ? Objects.requireNonNullElse(last, "") : last == null ? first : first + " " + last;
        return full.length() <= CustomerLimits.ACCOUNT_NAME || last == null ? full : last;
    }
}
