package dev.crmkit.core.lead;

import dev.crmkit.core.customer.Contact;
import java.util.List;

/**
 * The stored people one record is compared with ({@link LeadTx#matchCandidates}): the leads and the contacts having
 * one of its blocking keys, each chosen from the keys' blocks by {@link BlockingKeys#candidates}, each once, in no
 * particular order.
 *
 * @param leads    as {@link LeadRepository#findByBlockingKeys} finds them
 * @param contacts as {@code ContactRepository.findByMatchKeys} finds them
 */
public record MatchCandidates(List<Lead> leads, List<Contact> contacts) {
    public MatchCandidates {
        leads = List.copyOf(leads);
        contacts = List.copyOf(contacts);
    }
}
