package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
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
import org.jspecify.annotations.Nullable;

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
        return find(lead, new StoredCandidates(tx));
    }

    /** As {@link #find(Lead)}, with the candidates from {@code pool} (a batch reads them for all its records). */
    List<DuplicateMatch> find(Lead lead, Candidates pool) {
        Profile self = Profile.of(lead);
        Set<String> keys = BlockingKeys.of(self);
        List<DuplicateMatch> found = new ArrayList<>();
        for (Candidate c : pool.leads(keys, lead.reach().email(), lead.reach().phone())) {
            if (c.matchable() && !c.id().equals(lead.id())) {
                add(found, Kind.LEAD, c.id().value(), self, c.profile());
            }
        }
        for (Contact c : pool.contacts(keys, lead.reach().email(), lead.reach().phone())) {
            add(found, Kind.CONTACT, c.id().value(), self, Profile.of(c, pool.accountName(c.account())));
        }
        return best(found);
    }

    /**
     * Where the candidates of a record come from: the leads and contacts sharing a blocking key (chosen by
     * {@link BlockingKeys#candidates}), the email or the phone, each once; and the names of the contacts' accounts.
     */
    interface Candidates {
        Collection<Candidate> leads(Set<String> keys, @Nullable EmailAddress email, @Nullable PhoneNumber phone);

        Collection<Contact> contacts(Set<String> keys, @Nullable EmailAddress email, @Nullable PhoneNumber phone);

        @Nullable String accountName(@Nullable AccountId account);
    }

    /**
     * A stored lead as matching sees it: whether it may match at all (spam, merged and converted leads never do) and
     * its fields folded once.
     */
    record Candidate(LeadId id, boolean matchable, Profile profile) {
        static Candidate of(Lead l) {
            return new Candidate(l.id(), !l.spam() && l.status() != LeadStatus.MERGED
                    && l.status() != LeadStatus.CONVERTED, Profile.of(l));
        }
    }

    /** Candidates looked up in the storage for one record. */
    private static final class StoredCandidates implements Candidates {
        private final LeadTx tx;
        private final Map<AccountId, String> accountNames = new HashMap<>();
        /** The contacts {@link #leads} read with the leads, for the keys it was asked. */
        private @Nullable Set<String> blockedKeys;
        private List<Contact> blockedContacts = List.of();

        StoredCandidates(LeadTx tx) {
            this.tx = tx;
        }

        @Override
        public Collection<Candidate> leads(Set<String> keys, @Nullable EmailAddress email,
                                           @Nullable PhoneNumber phone) {
            MatchCandidates blocked = tx.matchCandidates(keys);
            blockedKeys = keys;
            blockedContacts = blocked.contacts();
            if (email == null && phone == null) {
                return blocked.leads().stream().map(Candidate::of).toList();
            }
            Map<UUID, Lead> leads = new LinkedHashMap<>();
            for (Lead l : blocked.leads()) {
                leads.put(l.id().value(), l);
            }
            if (email != null) {
                tx.leads().findByEmail(email).forEach(l -> leads.putIfAbsent(l.id().value(), l));
            }
            if (phone != null) {
                tx.leads().findByPhone(phone).forEach(l -> leads.putIfAbsent(l.id().value(), l));
            }
            return leads.values().stream().map(Candidate::of).toList();
        }

        @Override
        public Collection<Contact> contacts(Set<String> keys, @Nullable EmailAddress email,
                                            @Nullable PhoneNumber phone) {
            Map<UUID, Contact> contacts = new LinkedHashMap<>();
            List<Contact> blocked = keys.equals(blockedKeys) ? blockedContacts : tx.contacts().findByMatchKeys(keys);
            blocked.forEach(c -> contacts.put(c.id().value(), c));
            if (email != null) {
                tx.contacts().findByEmail(email).forEach(c -> contacts.putIfAbsent(c.id().value(), c));
            }
            if (phone != null) {
                tx.contacts().findByPhone(phone).forEach(c -> contacts.putIfAbsent(c.id().value(), c));
            }
            return contacts.values();
        }

        @Override
        public @Nullable String accountName(@Nullable AccountId account) {
            return account == null ? null : accountNames.computeIfAbsent(account,
                    a -> tx.accounts().find(a).map(Account::name).orElse(null));
        }
    }

    /** Contacts that look like {@code contact}, excluding itself. */
    List<DuplicateMatch> find(Contact contact) {
        StoredCandidates pool = new StoredCandidates(tx);
        Profile self = Profile.of(contact, pool.accountName(contact.account()));
        List<DuplicateMatch> found = new ArrayList<>();
        for (Contact c : pool.contacts(BlockingKeys.of(contact), contact.points().email(), contact.points().phone())) {
            if (!c.id().equals(contact.id())) {
                add(found, Kind.CONTACT, c.id().value(), self, Profile.of(c, pool.accountName(c.account())));
            }
        }
        return best(found);
    }

    /** Accounts that look like {@code account} (name, website, address), excluding itself. */
    List<DuplicateMatch> find(Account account) {
        Profile self = Profile.of(account);
        List<DuplicateMatch> found = new ArrayList<>();
        for (Account a : tx.accounts().findByMatchKeys(BlockingKeys.of(account))) {
            if (!a.id().equals(account.id())) {
                Scorer.Result r = scorer.match(self, Profile.of(a));
                if (r != null) {
                    found.add(new DuplicateMatch(Kind.ACCOUNT, a.id().value(), Reason.ACCOUNT, r.similarity(),
                            r.score(), r.matchCertainty(), r.explanation()));
                }
            }
        }
        return best(found);
    }

    private static List<DuplicateMatch> best(List<DuplicateMatch> found) {
        found.sort(BEST_FIRST);
        return found.size() <= MAX_MATCHES ? found : List.copyOf(found.subList(0, MAX_MATCHES));
    }

    private void add(List<DuplicateMatch> found, Kind kind, UUID id, Profile self, Profile other) {
        Scorer.Result r = scorer.match(self, other);
        if (r != null) {
            found.add(new DuplicateMatch(kind, id, r.reason(), r.similarity(), r.score(), r.matchCertainty(),
                    r.explanation()));
        }
    }
}
