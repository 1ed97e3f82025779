package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.DuplicateMatch.Kind;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds leads and contacts that look like the same person, and accounts that look like the same company. Candidates
 * come from index lookups only: leads and contacts sharing a {@link BlockingKeys} key (the old name key is one of
 * them), an email or a phone; accounts sharing an account key.
 * Each candidate is scored field by field ({@link Scorer}); those reaching a threshold of {@link DuplicateRules} are
 * returned, best first, with their explanation. Spam, merged and converted leads never match (a converted lead
 * matches as the contact it became).
 */
final class DuplicateFinder {
    /** The most matches kept per lead: enough to review, bounded so a common name cannot bloat every record. */
    static final int MAX_MATCHES = 20;
    private static final Comparator<DuplicateMatch> BEST_FIRST = Comparator
            .comparingDouble((DuplicateMatch m) -> -m.score()).thenComparing(DuplicateMatch::kind)
            .thenComparing(DuplicateMatch::id, EntityId::compare);

    private final LeadTx tx;
    private final Scorer scorer;

    DuplicateFinder(LeadTx tx, Scorer scorer) {
        this.tx = tx;
        this.scorer = scorer;
    }

    /** Matches for {@code lead} (its id, status and keys need not be set yet), excluding the lead itself. */
    List<DuplicateMatch> find(Lead lead) {
        Profile self = Profile.of(lead);
        Set<String> keys = BlockingKeys.of(self);
        Map<UUID, Lead> leads = new LinkedHashMap<>();
        for (Lead l : tx.leads().findByBlockingKeys(keys)) {
            leads.put(l.id().value(), l);
        }
        if (lead.email() != null) {
            tx.leads().findByEmail(lead.email()).forEach(l -> leads.putIfAbsent(l.id().value(), l));
        }
        if (lead.phone() != null) {
            tx.leads().findByPhone(lead.phone()).forEach(l -> leads.putIfAbsent(l.id().value(), l));
        }
        List<DuplicateMatch> found = new ArrayList<>();
        for (Lead l : leads.values()) {
            if (!l.spam() && l.status() != LeadStatus.MERGED && l.status() != LeadStatus.CONVERTED
                    && !l.id().equals(lead.id())) {
                add(found, Kind.LEAD, l.id().value(), self, Profile.of(l));
            }
        }
        addContacts(found, self, keys, lead.email(), lead.phone(), null);
        return best(found);
    }

    /** Contacts that look like {@code contact}, excluding itself. */
    List<DuplicateMatch> find(Contact contact) {
        Profile self = Profile.of(contact, companyOf(contact, new HashMap<>()));
        List<DuplicateMatch> found = new ArrayList<>();
        addContacts(found, self, BlockingKeys.of(contact), contact.email(), contact.phone(), contact.id());
        return best(found);
    }

    /** Accounts that look like {@code account} (name, website, address), excluding itself. */
    List<DuplicateMatch> find(Account account) {
        Profile self = Profile.of(account);
        List<DuplicateMatch> found = new ArrayList<>();
        for (Account a : tx.accounts().findByMatchKeys(BlockingKeys.of(account))) {
            if (!a.id().equals(account.id())) {
                Scorer.Result r = scorer.score(self, Profile.of(a));
                if (r.isMatch()) {
                    found.add(new DuplicateMatch(Kind.ACCOUNT, a.id().value(), Reason.ACCOUNT, r.similarity(),
                            r.score(), r.certainty(), r.explanation()));
                }
            }
        }
        return best(found);
    }

    /** Scores the contacts sharing a blocking key, the email or the phone of {@code self}, but {@code except}. */
    private void addContacts(List<DuplicateMatch> found, Profile self, Collection<String> keys, EmailAddress email,
                             PhoneNumber phone, ContactId except) {
        Map<UUID, Contact> contacts = new LinkedHashMap<>();
        tx.contacts().findByMatchKeys(keys).forEach(c -> contacts.put(c.id().value(), c));
        if (email != null) {
            tx.contacts().findByEmail(email).forEach(c -> contacts.putIfAbsent(c.id().value(), c));
        }
        if (phone != null) {
            tx.contacts().findByPhone(phone).forEach(c -> contacts.putIfAbsent(c.id().value(), c));
        }
        Map<AccountId, String> accountNames = new HashMap<>();
        for (Contact c : contacts.values()) {
            if (!c.id().equals(except)) {
                add(found, Kind.CONTACT, c.id().value(), self, Profile.of(c, companyOf(c, accountNames)));
            }
        }
    }

    private String companyOf(Contact c, Map<AccountId, String> accountNames) {
        return c.account() == null ? null : accountNames.computeIfAbsent(c.account(),
                a -> tx.accounts().find(a).map(Account::name).orElse(null));
    }

    private static List<DuplicateMatch> best(List<DuplicateMatch> found) {
        found.sort(BEST_FIRST);
        return found.size() <= MAX_MATCHES ? found : List.copyOf(found.subList(0, MAX_MATCHES));
    }

    private void add(List<DuplicateMatch> found, Kind kind, UUID id, Profile self, Profile other) {
        Scorer.Result r = scorer.score(self, other);
        if (r.isMatch()) {
            found.add(new DuplicateMatch(kind, id, r.reason(), r.similarity(), r.score(), r.certainty(),
                    r.explanation()));
        }
    }
}
