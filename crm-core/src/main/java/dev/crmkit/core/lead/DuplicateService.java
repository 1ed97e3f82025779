package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactService;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Duplicates across record types, with the weights and thresholds of {@link DuplicateRules} and an explanation per
 * match: contacts that look like a contact, accounts that look like an account (name, website domain, address).
 * Leads are flagged on capture and looked up by {@link LeadService#findDuplicates}. Lookups only: matching never
 * refuses or changes a record.
 */
public final class DuplicateService {
    /** The most leads {@link #estimateRules} reads: its blocked pairs and random pairs stay in memory. */
    public static final int MAX_SAMPLE = 100_000;

    private final CrmContext<? extends LeadTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public DuplicateService(CrmContext<? extends LeadTx> ctx) {
        this.ctx = ctx;
    }

    /** The contacts that look like contact {@code id}, best first; {@code NotFoundException} if there is none. */
    public List<DuplicateMatch> ofContact(ContactId id) {
        return ctx.read(tx -> seen(ctx, tx, finder(tx).find(ContactService.visible(ctx, tx, id))));
    }

    /** The accounts that look like account {@code id}, best first; {@code NotFoundException} if there is none. */
    public List<DuplicateMatch> ofAccount(AccountId id) {
        return ctx.read(tx -> seen(ctx, tx, finder(tx).find(AccountService.visible(ctx, tx, id))));
    }

    /**
     * The leads and contacts that look like {@code lead}, stored or not (a {@link LeadService#preview preview}),
     * best first; the lead itself is left out.
     */
    public List<DuplicateMatch> of(Lead lead) {
        Validation.argument("lead", lead);
        return ctx.read(tx -> seen(ctx, tx, finder(tx).find(lead)));
    }

    /**
     * {@code matches} without the records the actor of {@code ctx} does not see: a match names a lead, contact or
     * account and how each field agreed with it, which would tell a rep about another's record.
     */
    public static List<DuplicateMatch> seen(CrmContext<?> ctx, LeadTx tx, List<DuplicateMatch> matches) {
        return matches.isEmpty() ? matches : matches.stream().filter(seen(ctx, tx)).toList();
    }

    /** Whether the actor of {@code ctx} sees the record a match names (one visibility per kind, computed once). */
    public static Predicate<DuplicateMatch> seen(CrmContext<?> ctx, LeadTx tx) {
        Map<DuplicateMatch.Kind, Visibility> kinds = new EnumMap<>(DuplicateMatch.Kind.class);
        return m -> {
            Visibility v = kinds.computeIfAbsent(m.kind(), k -> Audience.of(ctx, tx, switch (k) {
                case LEAD -> "Lead";
                case CONTACT -> "Contact";
                case ACCOUNT -> "Account";
            }));
            if (v.all()) {
                return true;
            }
            EntityId id = switch (m.kind()) {
                case LEAD -> LeadId.of(m.id());
                case CONTACT -> ContactId.of(m.id());
                case ACCOUNT -> AccountId.of(m.id());
            };
            return tx.ownedRecords().find(id).map(o -> Audience.sees(tx, v, o)).orElse(false);
        };
    }

    /** The contacts that look like {@code contact}, stored or not (a preview), best first; itself left out. */
    public List<DuplicateMatch> of(Contact contact) {
        Validation.argument("contact", contact);
        return ctx.read(tx -> seen(ctx, tx, finder(tx).find(contact)));
    }

    /** The accounts that look like {@code account}, stored or not (a preview), best first; itself left out. */
    public List<DuplicateMatch> of(Account account) {
        Validation.argument("account", account);
        return ctx.read(tx -> seen(ctx, tx, finder(tx).find(account)));
    }

    /**
     * Weights estimated from this tenant's own leads, unlabelled (up to {@code sampleLeads} of the oldest, spam,
     * merged and converted ones left out), to review and then give to {@link TenantDuplicateRules} or the builder:
     * how often each field agrees between two different people is counted over random pairs, how often between two
     * records of one person is found by expectation–maximisation over the pairs sharing a blocking key (as Splink
     * does). The thresholds, and the weights of fields the sample never compares, stay those in force. Needs the
     * MANAGER role; {@code sampleLeads} from 2 to {@value #MAX_SAMPLE}.
     */
    public DuplicateRules estimateRules(int sampleLeads) {
        ctx.actor().require(Actor.MANAGER, "estimate duplicate rules");
        Validation v = new Validation();
        v.check(sampleLeads >= 2 && sampleLeads <= MAX_SAMPLE, "sampleLeads", "must be from 2 to " + MAX_SAMPLE);
        v.throwIfInvalid();
        List<Profile> people = ctx.read(tx -> {
            List<Profile> sample = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
            while (sample.size() < sampleLeads) {
                Page<Lead> leads = tx.leads().search(LeadQuery.all(), page);
                for (Lead l : leads.items()) {
                    if (sample.size() < sampleLeads && !l.spam() && l.status() != LeadStatus.MERGED
                            && l.status() != LeadStatus.CONVERTED) {
                        sample.add(Profile.of(l));
                    }
                }
                if (!leads.hasNext()) {
                    break;
                }
                page = page.next();
            }
            return sample;
        });
        return WeightEstimation.estimate(people, TenantDuplicateRules.forActor(ctx));
    }

    private DuplicateFinder finder(LeadTx tx) {
        return new DuplicateFinder(tx, Scorer.of(TenantDuplicateRules.forActor(ctx)));
    }
}
