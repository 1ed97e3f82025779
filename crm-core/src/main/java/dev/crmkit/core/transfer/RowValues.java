package dev.crmkit.core.transfer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.NewLead;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A row's text turned into what the lead, contact and account services take; bad cells become field errors. */
final class RowValues {
    private static final Map<String, String> COUNTRY_NAMES = countryNames();
    private static final Map<String, ImportField> API_FIELDS = Map.ofEntries(
            Map.entry("firstName", ImportField.FIRST_NAME), Map.entry("lastName", ImportField.LAST_NAME),
            Map.entry("company", ImportField.COMPANY), Map.entry("name", ImportField.COMPANY),
            Map.entry("account", ImportField.COMPANY), Map.entry("title", ImportField.TITLE),
            Map.entry("email", ImportField.EMAIL), Map.entry("phone", ImportField.PHONE),
            Map.entry("birthDate", ImportField.BIRTH_DATE), Map.entry("website", ImportField.WEBSITE),
            Map.entry("industry", ImportField.INDUSTRY), Map.entry("tags", ImportField.TAGS),
            Map.entry("street", ImportField.STREET), Map.entry("city", ImportField.CITY),
            Map.entry("region", ImportField.REGION), Map.entry("postalCode", ImportField.POSTAL_CODE),
            Map.entry("country", ImportField.COUNTRY));

    private RowValues() {
    }

    static NewLead lead(SourceRow r, List<FieldError> errors) {
        return new NewLead(r.value(ImportField.FIRST_NAME), r.value(ImportField.LAST_NAME),
                r.value(ImportField.COMPANY), r.value(ImportField.TITLE), r.value(ImportField.EMAIL),
                r.value(ImportField.PHONE), address(r, errors), LeadSource.IMPORT, null, consent(r, errors), null,
                tags(r), r.customFields(), null, date(r, errors));
    }

    static ContactDetails contact(SourceRow r, @Nullable AccountId account, List<FieldError> errors) {
        return new ContactDetails(account, r.value(ImportField.FIRST_NAME), r.value(ImportField.LAST_NAME),
                r.value(ImportField.TITLE), r.value(ImportField.EMAIL), r.value(ImportField.PHONE),
                address(r, errors), date(r, errors), null, null, Set.of(), false, null, consent(r, errors), tags(r));
    }

    static AccountDetails account(SourceRow r, List<FieldError> errors) {
        return new AccountDetails(r.value(ImportField.COMPANY), r.value(ImportField.INDUSTRY), null,
                address(r, errors), website(r.value(ImportField.WEBSITE)), null, tags(r));
    }

    /** The service's field names ("email", "address.country") as the user's column headers. */
    static List<FieldError> inColumns(SourceRow r, ValidationException e) {
        return e.errors().stream().map(f -> {
            String name = f.field();
            String last = name.substring(name.lastIndexOf('.') + 1);
            ImportField field = API_FIELDS.get(last);
            return field == null ? f : new FieldError(r.header(field), f.reason());
        }).toList();
    }

    private static @Nullable Address address(SourceRow r, List<FieldError> errors) {
        String country = r.value(ImportField.COUNTRY);
        if (country != null) {
            String code = country.length() == 2 ? country.toUpperCase(Locale.ROOT)
                    : COUNTRY_NAMES.get(country.toLowerCase(Locale.ROOT));
            if (code == null) {
                errors.add(new FieldError(r.header(ImportField.COUNTRY),
                        "is neither a country name nor an ISO 3166 code: " + country));
            }
            country = code;
        }
        try {
            Address a = new Address(r.value(ImportField.STREET), r.value(ImportField.CITY),
                    r.value(ImportField.REGION), r.value(ImportField.POSTAL_CODE), country, null);
            return a.street() == null && a.city() == null && a.region() == null && a.postalCode() == null
                    && a.country() == null ? null : a;
        } catch (ValidationException e) {
            errors.addAll(inColumns(r, e));
            return null;
        }
    }

    private static @Nullable LocalDate date(SourceRow r, List<FieldError> errors) {
        String text = r.value(ImportField.BIRTH_DATE);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 8 && text.chars().allMatch(Character::isDigit)
                    ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(r.header(ImportField.BIRTH_DATE), "is not a date (yyyy-mm-dd): " + text));
            return null;
        }
    }

    private static Consent consent(SourceRow r, List<FieldError> errors) {
        return new Consent(yes(r, ImportField.EMAIL_MARKETING, errors), yes(r, ImportField.PHONE_CONTACT, errors),
                false, yes(r, ImportField.POSTAL_MAIL, errors));
    }

    private static boolean yes(SourceRow r, ImportField f, List<FieldError> errors) {
        String v = r.value(f);
        if (v == null) {
            return false;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "x" -> {
                return true;
            }
            case "no", "n", "false", "0" -> {
                return false;
            }
            default -> {
                errors.add(new FieldError(r.header(f), "is not yes or no: " + v));
                return false;
            }
        }
    }

    private static Set<String> tags(SourceRow r) {
        String v = r.value(ImportField.TAGS);
        if (v == null) {
            return Set.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(v.split("[;,]")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        return tags;
    }

    /** A bare domain ("acme.example") as the http(s) URL an account keeps. */
    private static @Nullable String website(@Nullable String v) {
        return v == null || v.contains("://") ? v : "https://" + v;
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        names.put("usa", "US");
        names.put("united states of america", "US");
        names.put("uk", "GB");
        names.put("great britain", "GB");
        names.put("england", "GB");
        return Map.copyOf(names);
    }
}
