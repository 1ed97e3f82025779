package dev.crmkit.core.lead;

import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate keys of a lead: two leads are compared only when they share one. There are several so that a typo
 * in one field leaves another to meet on: the sounds of both names (Double Metaphone, in either order, so swapped
 * names meet), the first name's initial with the postal code, the last name's sound with the postal code, the birth
 * date, the email (local part without dots and tags, with the domain), the phone's last seven digits, the
 * company with the last name's initial, and the last name with the first initial; a record with none of these
 * has the sounds of its names as its one key.
 * Adapters index them (in memory a hash index, on JPA the key table {@code crm_lead_match_key}) and pick the
 * candidates from the keys' blocks by {@link #candidates}. Keys are at most {@link #MAX_LENGTH} characters.
 */
public final class BlockingKeys {
    /** The longest key, in characters (the key table's column). */
    public static final int MAX_LENGTH = 255;
    /**
     * The most leads one key may gather and still be read as candidates: past it a key (a very common name in one
     * postcode, say) is skipped, and the record's other keys must meet.
     */
    public static final int MAX_BLOCK = 1000;
    /**
     * The most leads a key may gather and still nominate a candidate on its own: a larger block (a birth date or an
     * initial in one postal code, once the store holds a million people) nominates only the leads another key
     * nominates too. Sharing such a value alone is weak evidence, and scoring every lead of such blocks made a
     * capture at 1M stored leads eight times slower than at 10k.
     */
    public static final int COMMON_BLOCK = 16;
    /** The prefix of the email's key: every record with an email has it. */
    static final String EMAIL = "e:";
    /** The prefix of the phone's key: every record with a phone of seven digits or more has it. */
    static final String PHONE = "p:";
    private static final int PHONE_TAIL = 7;

    private BlockingKeys() {
    }

    /** The keys of {@code lead}; none for spam (never matched). */
    public static Set<String> of(Lead lead) {
        return lead.spam() ? Set.of() : of(Profile.of(lead));
    }

    /** The keys of {@code contact}, as a lead's without the company (a contact's company is its account). */
    public static Set<String> of(Contact contact) {
        return of(Profile.of(contact, null));
    }

    /**
     * The keys of {@code account}: its name (folded, legal forms dropped), its website's domain, and its name's
     * initial with the postal code, so that a typo in the name still leaves the domain or the place to meet on.
     */
    public static Set<String> of(Account account) {
        Profile p = Profile.of(account);
        Set<String> keys = new LinkedHashSet<>();
        if (!p.company().isEmpty()) {
            add(keys, "a:" + p.company());
            if (!p.postalCode().isEmpty()) {
                add(keys, "z:" + p.company().charAt(0) + "|" + p.postalCode());
            }
        }
        if (!p.domain().isEmpty()) {
            add(keys, "d:" + p.domain());
        }
        return keys;
    }

    /**
     * The candidates among the leads of each key's block: every lead of a block of at most {@link #COMMON_BLOCK},
     * the leads at least two larger blocks share, none of a block over {@link #MAX_BLOCK}. Both adapters choose by
     * this rule so that they find the same candidates.
     *
     * @param blocks the owners of each key the record has, one collection per key
     * @param <T>    the owners' identifier
     * @return the candidates, each once
     */
    public static <T> Set<T> candidates(Collection<? extends Collection<T>> blocks) {
        Set<T> found = new LinkedHashSet<>();
        List<Collection<T>> common = new ArrayList<>(blocks.size());
        for (Collection<T> block : blocks) {
            if (block.size() <= COMMON_BLOCK) {
                found.addAll(block);
            } else if (block.size() <= MAX_BLOCK) {
                common.add(block);
            }
        }
        if (common.size() < 2) {
            return found;
        }
        // Each owner of a common block is looked up in the larger ones, so no block is copied into a counting map:
        // this runs on every capture, and such blocks hold hundreds once the store holds a million people.
        common.sort(Comparator.comparingInt(Collection::size));
        List<Collection<T>> lookups = new ArrayList<>(common.size());
        for (Collection<T> block : common) {
            // The smallest is only walked; a list (as JPA reads blocks) is hashed once to be looked up in.
            lookups.add(lookups.isEmpty() || block instanceof Set<T> ? block : new HashSet<>(block));
        }
        for (int i = 0; i < common.size() - 1; i++) {
            for (T owner : common.get(i)) {
                for (int j = i + 1; j < common.size(); j++) {
                    if (lookups.get(j).contains(owner)) {
                        found.add(owner);
                        break;
                    }
                }
            }
        }
        return found;
    }

    static Set<String> of(Profile p) {
        Set<String> keys = new LinkedHashSet<>();
        if (!p.firstSound().isEmpty() && !p.lastSound().isEmpty()) {
            boolean ordered = p.firstSound().compareTo(p.lastSound()) <= 0;
            add(keys, "n:" + (ordered ? p.firstSound() + "|" + p.lastSound() : p.lastSound() + "|" + p.firstSound()));
        }
        if (!p.postalCode().isEmpty()) {
            if (!p.first().isEmpty()) {
                add(keys, "i:" + p.first().charAt(0) + "|" + p.postalCode());
            }
            if (!p.lastSound().isEmpty()) {
                add(keys, "s:" + p.lastSound() + "|" + p.postalCode());
            }
        }
        if (p.birthDate() != null) {
            add(keys, "b:" + p.birthDate());
        }
        if (!p.emailLocal().isEmpty()) {
            // With the domain: a local part alone ("info", "sales") would gather every company's shared mailbox.
            add(keys, EMAIL + p.emailLocal() + "@" + p.emailDomain());
        }
        if (p.phone().length() >= PHONE_TAIL) {
            add(keys, PHONE + p.phone().substring(p.phone().length() - PHONE_TAIL));
        }
        if (!p.company().isEmpty() && !p.last().isEmpty()) {
            add(keys, "c:" + p.last().charAt(0) + "|" + p.company());
        }
        if (!p.last().isEmpty()) {
            // The old name key (last name + first initial), a block like the others rather than a lookup of its
            // own, so a common one is read as ids and nominates no one alone.
            add(keys, "k:" + p.last() + "|" + (p.first().isEmpty() ? "" : p.first().charAt(0)));
        }
        if (keys.isEmpty()) {
            // Whatever else it has, a record meets at least its exact copies.
            add(keys, "x:" + p.firstSound() + "|" + p.lastSound());
        }
        return keys;
    }

    private static void add(Set<String> keys, String key) {
        if (key.length() <= MAX_LENGTH) {
            keys.add(key);
        } else {
            // Never half a surrogate pair: an adapter could not store it exactly.
            int end = Character.isHighSurrogate(key.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            keys.add(key.substring(0, end));
        }
    }
}
