package dev.crmkit.core.lead;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.MatchKeys;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactName;
import dev.crmkit.core.customer.ContactPoints;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * A person's fields as matching compares them: folded once, so that scoring a candidate folds nothing again (a
 * name's sound and a street's words are made only when a comparison gets that far). Empty strings stand for missing
 * values. {@code phone} is digits: the E.164 number's, or as entered when not verified;
 * {@code domain} is an account's website host (people have none).
 */
record Profile(String first, String last, @Nullable LocalDate birthDate, String streetText, String city,
               String postalCode, String region, String email, String emailLocal, String phone, boolean phoneVerified,
               String company, String domain) {
    /** Thread-safe: the encoder keeps only its code length. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final String[] NONE = new String[0];
    /**
     * Codes of names already encoded: a million people share a few hundred thousand names, and every candidate's two
     * names were encoded again on each comparison. Bounded: once full, further names are encoded each time.
     */
    private static final Map<String, String> SOUNDS = new ConcurrentHashMap<>();
    private static final int MAX_SOUNDS = 200_000;

    static Profile of(Lead l) {
        Identity who = l.identity();
        Reach reach = l.reach();
        Profile p = of(who.firstName(), who.lastName(), who.birthDate(), reach.address(), reach.email(), reach.phone(),
                who.company());
        return reach.phone() != null || reach.unverifiedPhone() == null ? p
                : p.withUnverifiedPhone(reach.unverifiedPhone());
    }

    /** A copy whose phone is the digits of a number that could not be verified. */
    private Profile withUnverifiedPhone(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return new Profile(first, last, birthDate, streetText, city, postalCode, region, email, emailLocal, digits,
                false, company, domain);
    }

    static Profile of(Contact c, @Nullable String company) {
        ContactName name = c.name();
        ContactPoints at = c.points();
        return of(name.firstName(), name.lastName(), c.demographics().birthDate(), at.address(), at.email(), at.phone(),
                company);
    }

    /** An account: its name as the company, its address, and its website's domain. */
    static Profile of(Account a) {
        Profile p = of(null, null, null, a.address(), null, null, a.name());
        return new Profile(p.first, p.last, null, p.streetText, p.city, p.postalCode, p.region, p.email, p.emailLocal,
                p.phone, true, p.company, domain(a.website()));
    }

    /**
     * The host of a website without scheme, {@code www.}, port, path and case ({@code https://www.Acme.com/about}
     * is {@code acme.com}), or empty.
     */
    static String domain(@Nullable String website) {
        if (website == null) {
            return "";
        }
        String host = website.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        host = scheme >= 0 ? host.substring(scheme + 3) : host;
        for (char end : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(end);
            host = at >= 0 ? host.substring(0, at) : host;
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    static Profile of(@Nullable String firstName, @Nullable String lastName, @Nullable LocalDate birthDate,
                      @Nullable Address address, @Nullable EmailAddress email, @Nullable PhoneNumber phone,
                      @Nullable String company) {
        String first = name(firstName);
        String last = name(lastName);
        String streetText = address == null ? "" : Text.foldForMatching(address.street());
        String email1 = email == null ? "" : email.value();
        String local = email1.isEmpty() ? "" : localPart(email1);
        String companyKey = company == null ? null : MatchKeys.company(company);
        return new Profile(first, last, birthDate, streetText,
                address == null ? "" : Text.foldForMatching(address.city()),
                address == null ? "" : Text.foldForMatching(address.postalCode()).replace(" ", ""),
                address == null ? "" : Text.foldForMatching(address.region()),
                email1, local, phone == null ? "" : phone.value().substring(1), true,
                companyKey == null ? "" : companyKey, "");
    }

    /** The first name's sound, looked up when asked: most candidates never get as far as comparing names. */
    String firstSound() {
        return sound(first);
    }

    String lastSound() {
        return sound(last);
    }

    /**
     * The street's words, split only when asked: most candidates are ruled out before their streets are compared
     * word by word, and splitting every candidate's street took a quarter of matching.
     */
    String[] streetWords() {
        return streetText.isEmpty() ? NONE : streetText.split(" ");
    }

    /** A folded name without spaces: "Mary Ann" and "Maryann" are one name. */
    private static String name(@Nullable String raw) {
        return Text.foldForMatching(raw).replace(" ", "");
    }

    /** The Double Metaphone code of a folded name, or the name itself where the encoder has no code for it. */
    static String sound(String name) {
        if (name.isEmpty()) {
            return "";
        }
        String known = SOUNDS.get(name);
        if (known != null) {
            return known;
        }
        String code = METAPHONE.doubleMetaphone(name);
        String sound = code == null || code.isEmpty() ? name : code.toLowerCase(Locale.ROOT);
        if (SOUNDS.size() < MAX_SOUNDS) {
            SOUNDS.put(name, sound);
        }
        return sound;
    }

    /** The local part without dots and {@code +tags}: {@code Ada.L+crm@x} and {@code adal@x} share it. */
    private static String localPart(String email) {
        String local = email.substring(0, email.lastIndexOf('@'));
        int plus = local.indexOf('+');
        return (plus > 0 ? local.substring(0, plus) : local).replace(".", "");
    }

    String emailDomain() {
        return email.substring(email.lastIndexOf('@') + 1);
    }
}
