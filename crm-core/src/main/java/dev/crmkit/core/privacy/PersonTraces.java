package dev.crmkit.core.privacy;

import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.lead.Lead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What identifies a person in free text: their email addresses, phone numbers (as stored and as digits), full names
 * and last names. {@link #apply} replaces each in a text kept after an erasure; {@link #quoting} are the traces
 * distinctive enough to pick, among many records, those that quote the person (a last name alone is not).
 */
final class PersonTraces implements UnaryOperator<String> {
    static final String ERASED = "[erased]";
    private static final int PHONE_TAIL = 9;
    /** The shortest name scrubbed on its own (shorter ones are scrubbed as part of the full name only). */
    private static final int MIN_NAME = 2;
    /** A JSON string literal, and the colon after it when it is a key. */
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:)?");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final Set<String> quoting = new LinkedHashSet<>();
    private final Set<String> all = new LinkedHashSet<>();
    /** Patterns (not literals) of the phone numbers as written by hand. */
    private final Set<String> written = new LinkedHashSet<>();
    private @Nullable Pattern pattern;

    static PersonTraces of(List<Lead> leads, List<Contact> contacts) {
        PersonTraces t = new PersonTraces();
        for (Lead l : leads) {
            l.visitorIds().forEach(t::visitor);
            t.email(l.reach().email());
            t.phone(l.reach().phone());
            t.distinctive(l.reach().unverifiedPhone());
            t.name(l.identity().firstName(), l.identity().lastName());
        }
        for (Contact c : contacts) {
            t.email(c.points().email());
            t.phone(c.points().phone());
            t.name(c.name().firstName(), c.name().lastName());
        }
        List<String> alternatives = new ArrayList<>(t.written);
        // whole words only: a surname "Li" must not take "Delivery" apart
        t.all.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(trace -> "(?<![\\p{L}\\p{N}])" + Pattern.quote(trace) + "(?![\\p{L}\\p{N}])")
                .forEach(alternatives::add);
        t.pattern = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return t;
    }

    private void email(@Nullable EmailAddress email) {
        if (email != null) {
            distinctive(email.value());
        }
    }

    private void phone(@Nullable PhoneNumber phone) {
        if (phone != null) {
            distinctive(phone.value());
            String digits = phone.value().replaceAll("\\D", "");
            distinctive(digits);
            // as people write it: its last nine digits with any spacing, dots, dashes or brackets between them
            String tail = digits.substring(Math.max(0, digits.length() - PHONE_TAIL));
            written.add(String.join("[\\s().-]*", tail.split("")) + "(?!\\d)");
        }
    }

    private void name(@Nullable String first, @Nullable String last) {
        if (first != null && last != null) {
            distinctive(first.strip() + " " + last.strip());
        }
        if (last != null && last.strip().length() >= MIN_NAME) {
            all.add(last.strip());
        } else if (first != null && last == null && first.strip().length() >= MIN_NAME) {
            all.add(first.strip()); // a person known by one name only
        }
    }

    /** A visitor id of the person's: it links tracking events to them. */
    void visitor(String id) {
        distinctive(id);
    }

    private void distinctive(@Nullable String trace) {
        if (trace != null && trace.strip().length() > 2) {
            quoting.add(trace.strip());
            all.add(trace.strip());
        }
    }

    /** Traces that single out the person: emails, phone numbers, full names. */
    List<String> quoting() {
        return new ArrayList<>(quoting);
    }

    /**
     * {@code text} with every trace of the person replaced by {@value #ERASED}, or, where that would make the text
     * longer (a short name), by as many {@code *}: a scrubbed text never outgrows the column it came from.
     */
    @Override
    public String apply(String text) {
        if (pattern == null) {
            return text;
        }
        String erased = pattern.matcher(text).replaceAll(Matcher.quoteReplacement(ERASED));
        return erased.length() <= text.length() ? erased
                : pattern.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
    }

    /**
     * A scrub of JSON text (an event's payload) that rewrites string values only: keys, numbers and ids stay as they
     * were, so subscribers still read the event.
     */
    UnaryOperator<String> inJson() {
        return json -> JSON_STRING.matcher(json).replaceAll(m -> {
            String content = m.group(1);
            boolean key = m.group(2) != null;
            String kept = key || UUID_TEXT.matcher(content).matches() ? content : apply(content);
            return Matcher.quoteReplacement("\"" + kept + "\"" + (key ? m.group(2) : ""));
        });
    }
}
