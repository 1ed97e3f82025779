package dev.crmkit.core.lead;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.Similarity;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.DuplicateMatch.Kind;
import dev.crmkit.core.lead.DuplicateMatch.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds leads and contacts that look like the same person, by index lookups on the normalized keys only: equal
 * email, equal phone, or equal name blocking key plus similar full name and company. One match per record, with the
 * strongest reason (email, then phone, then name and company). Spam, merged and converted leads never match (a
 * converted lead matches as the contact it became).
 */
final class DuplicateFinder {
    private final LeadTx tx;
    private final DuplicateRules rules;

    DuplicateFinder(LeadTx tx, DuplicateRules rules) {
        this.tx = tx;
        this.rules = rules;
    }

    /** Matches for a person with these details, excluding the lead {@code self} (null for a new lead). */
    List<DuplicateMatch> find(LeadId self, String firstName, String lastName, String company, EmailAddress email,
                              PhoneNumber phone, String nameKey) {
        Map<UUID, DuplicateMatch> found = new LinkedHashMap<>();
        if (email != null) {
            tx.leads().findByEmail(email).forEach(l -> addLead(found, self, l, Reason.EMAIL, 1.0));
            tx.contacts().findByEmail(email).forEach(c -> add(found, Kind.CONTACT, c.id().value(), Reason.EMAIL, 1.0));
        }
        if (phone != null) {
            tx.leads().findByPhone(phone).forEach(l -> addLead(found, self, l, Reason.PHONE, 1.0));
            tx.contacts().findByPhone(phone).forEach(c -> add(found, Kind.CONTACT, c.id().value(), Reason.PHONE, 1.0));
        }
        if (nameKey != null && company != null) {
            String fullName = fullName(firstName, lastName);
            for (Lead l : tx.leads().findByNameKey(nameKey)) {
                double sim = similarity(fullName, company, fullName(l.firstName(), l.lastName()), l.company());
                if (sim > 0) {
                    addLead(found, self, l, Reason.NAME_AND_COMPANY, sim);
                }
            }
            for (Contact c : tx.contacts().findByNameKey(nameKey)) {
                double sim = similarity(fullName, company, fullName(c.firstName(), c.lastName()),
                        accountName(c.account()));
                if (sim > 0) {
                    add(found, Kind.CONTACT, c.id().value(), Reason.NAME_AND_COMPANY, sim);
                }
            }
        }
        List<DuplicateMatch> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(DuplicateMatch::reason).thenComparing(m -> -m.similarity())
                .thenComparing(DuplicateMatch::kind).thenComparing(DuplicateMatch::id, EntityId::compare));
        return result;
    }

    /** The similarity when both name and company reach the threshold, else 0. */
    private double similarity(String name, String company, String otherName, String otherCompany) {
        if (otherCompany == null) {
            return 0;
        }
        double names = Similarity.jaroWinkler(name, otherName);
        // Legal forms say nothing about identity: "Globex" and "Globex Corporation" are one company.
        double companies = Similarity.jaroWinkler(MatchKeys.company(company), MatchKeys.company(otherCompany));
        double threshold = rules.nameCompanySimilarity();
        return names >= threshold && companies >= threshold ? Math.min(names, companies) : 0;
    }

    private String accountName(AccountId account) {
        return account == null ? null : tx.accounts().find(account).map(Account::name).orElse(null);
    }

    private static void addLead(Map<UUID, DuplicateMatch> found, LeadId self, Lead l, Reason reason, double sim) {
        if (l.spam() || l.status() == LeadStatus.MERGED || l.status() == LeadStatus.CONVERTED
                || l.id().equals(self)) {
            return;
        }
        add(found, Kind.LEAD, l.id().value(), reason, sim);
    }

    private static void add(Map<UUID, DuplicateMatch> found, Kind kind, UUID id, Reason reason, double sim) {
        // Reasons are tried strongest first, so the first match for a record is the one to keep.
        found.putIfAbsent(id, new DuplicateMatch(kind, id, reason, sim));
    }

    private static String fullName(String first, String last) {
        return Optional.ofNullable(first).orElse("") + " " + Optional.ofNullable(last).orElse("");
    }
}
