package dev.crmkit.core.transfer;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads vCard 2.1, 3.0 and 4.0 text: folded lines, parameters, escapes and the properties a CRM keeps. A small
 * reader of our own rather than a library: the subset is a page of code, and the well-known vCard libraries pull in
 * more (XML, JSON) than an import needs.
 */
final class VCards {
    private VCards() {
    }

    static List<SourceRow> read(String text, ImportTarget target) {
        List<SourceRow> cards = new ArrayList<>();
        Map<ImportField, String> card = null;
        String fullName = null;
        int number = 0;
        for (String line : unfold(text)) {
            if (line.isBlank()) {
                continue;
            }
            int colon = colon(line);
            if (colon < 0) {
                throw new ValidationException("card " + Math.max(number, 1), "is not a vCard line: " + clip(line));
            }
            String[] nameAndParams = line.substring(0, colon).split(";");
            String name = nameAndParams[0].toUpperCase(Locale.ROOT);
            int dot = name.indexOf('.');
            name = dot >= 0 ? name.substring(dot + 1) : name; // a group prefix ("item1.EMAIL")
            String value = line.substring(colon + 1);
            if (name.equals("BEGIN") && value.equalsIgnoreCase("VCARD")) {
                number++;
                card = new EnumMap<>(ImportField.class);
                fullName = null;
            } else if (card == null) {
                throw new ValidationException("card " + Math.max(number, 1), "a line outside BEGIN:VCARD / END:VCARD");
            } else if (name.equals("END") && value.equalsIgnoreCase("VCARD")) {
                cards.add(row(number, card, fullName, target));
                card = null;
            } else if (name.equals("FN")) {
                fullName = unescape(value);
            } else {
                take(card, name, value, target);
            }
        }
        if (card != null) {
            throw new ValidationException("card " + number, "has no END:VCARD");
        }
        return cards;
    }

    private static void take(Map<ImportField, String> card, String name, String value, ImportTarget target) {
        switch (name) {
            case "N" -> {
                List<String> parts = components(value);
                card.putIfAbsent(ImportField.LAST_NAME, part(parts, 0));
                card.putIfAbsent(ImportField.FIRST_NAME, part(parts, 1));
            }
            case "ORG" -> card.putIfAbsent(ImportField.COMPANY, part(components(value), 0));
            case "TITLE" -> card.putIfAbsent(ImportField.TITLE, unescape(value));
            case "EMAIL" -> card.putIfAbsent(ImportField.EMAIL, unescape(value));
            case "TEL" -> card.putIfAbsent(ImportField.PHONE, unescape(value).replaceFirst("(?i)^tel:", ""));
            case "BDAY" -> card.putIfAbsent(ImportField.BIRTH_DATE, unescape(value));
            case "URL" -> card.putIfAbsent(ImportField.WEBSITE, unescape(value));
            case "CATEGORIES" -> card.putIfAbsent(ImportField.TAGS, unescape(value));
            case "ADR" -> {
                if (!card.containsKey(ImportField.STREET) && !card.containsKey(ImportField.CITY)) {
                    List<String> p = components(value); // post box; extended; street; city; region; code; country
                    card.put(ImportField.STREET, String.join(" ", part(p, 1), part(p, 2)).strip());
                    card.put(ImportField.CITY, part(p, 3));
                    card.put(ImportField.REGION, part(p, 4));
                    card.put(ImportField.POSTAL_CODE, part(p, 5));
                    card.put(ImportField.COUNTRY, part(p, 6));
                }
            }
            default -> { } // photos, notes, keys ...: not kept by a CRM record
        }
    }

    private static SourceRow row(int number, Map<ImportField, String> card, @Nullable String fullName,
                                 ImportTarget target) {
        if (target == ImportTarget.ACCOUNT) {
            card.putIfAbsent(ImportField.COMPANY, fullName == null ? "" : fullName);
        } else if (fullName != null && blank(card.get(ImportField.FIRST_NAME))
                && blank(card.get(ImportField.LAST_NAME))) {
            int space = fullName.lastIndexOf(' ');
            card.put(ImportField.FIRST_NAME, space < 0 ? "" : fullName.substring(0, space));
            card.put(ImportField.LAST_NAME, fullName.substring(space + 1));
        }
        card.keySet().removeIf(f -> !f.appliesTo(target));
        return new SourceRow(number, card, Map.of(), Map.of(), List.<FieldError>of());
    }

    /** Lines with their continuations (a line starting with a space or tab) joined, as RFC 6350 folds them. */
    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    /** The colon that ends the name and parameters (a quoted parameter value may hold one). */
    private static int colon(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** A structured value's parts, split at unescaped semicolons, each unescaped. */
    private static List<String> components(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                b.append(c).append(value.charAt(++i));
            } else if (c == ';') {
                parts.add(unescape(b.toString()));
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(unescape(b.toString()));
        return parts;
    }

    private static String part(List<String> parts, int i) {
        return i < parts.size() ? parts.get(i).strip() : "";
    }

    private static String unescape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                b.append(n == 'n' || n == 'N' ? ' ' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
