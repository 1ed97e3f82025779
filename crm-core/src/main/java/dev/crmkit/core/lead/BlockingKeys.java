package dev.crmkit.core.lead;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The candidate keys of a lead: two leads are compared only when they share one. There are several so that a typo
 * in one field leaves another to meet on: the sounds of both names (Double Metaphone, in either order, so swapped
 * names meet), the first name's initial with the postal code, the last name's sound with the postal code, the birth
 * date, the email (local part without dots and tags, with the domain), the phone's last seven digits, and the
 * company with the last name's initial; a record with none of these has the sounds of its names as its one key.
 * Adapters index them (in memory a hash index, on JPA the key table {@code crm_lead_match_key}). Keys are at most
 * {@link #MAX_LENGTH} characters.
 */
public final class BlockingKeys {
    /** The longest key, in characters (the key table's column). */
    public static final int MAX_LENGTH = 255;
    /**
     * The most leads one key may gather and still be read as candidates: past it a key (a very common name in one
     * postcode, say) is skipped, and the record's other keys must meet.
     */
    public static final int MAX_BLOCK = 1000;
    private static final int PHONE_TAIL = 7;

    private BlockingKeys() {
    }

    /** The keys of {@code lead}; none for spam (never matched). */
    public static Set<String> of(Lead lead) {
        return lead.spam() ? Set.of() : of(Profile.of(lead));
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
            add(keys, "e:" + p.emailLocal() + "@" + p.emailDomain());
        }
        if (p.phone().length() >= PHONE_TAIL) {
            add(keys, "p:" + p.phone().substring(p.phone().length() - PHONE_TAIL));
        }
        if (!p.company().isEmpty() && !p.last().isEmpty()) {
            add(keys, "c:" + p.last().charAt(0) + "|" + p.company());
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
