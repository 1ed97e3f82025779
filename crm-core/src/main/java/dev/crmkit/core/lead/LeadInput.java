package dev.crmkit.core.lead;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.common.PhoneRegions;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.tracking.TrackingLimits;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Validation and normalization shared by manual capture and web forms. Errors are named through {@code nameOf}, so
 * a rep's screen sees {@code email} and a web form sees its own field name ({@code email_address}).
 */
final class LeadInput {
    private static final Set<String> TRUTHY = Set.of("true", "on", "yes", "1", "y", "checked");
    /** Characters of a custom field's key an error shows: enough to find it, not a megabyte of it. */
    private static final int KEY_IN_ERRORS = 40;

    private LeadInput() {
    }

    /**
     * A new lead's checked and normalized values, before it has an id; {@link Lead#captured} makes the lead.
     *
     * @param owner      the owner the input names, or null for the assignment rules to choose
     * @param visitorIds the anonymous web visitor the input came from, if any
     */
    record Fields(@Nullable String firstName, @Nullable String lastName, @Nullable String company,
                  @Nullable String title, @Nullable EmailAddress email, @Nullable PhoneNumber phone,
                  @Nullable String unverifiedPhone, @Nullable Address address, @Nullable LocalDate birthDate,
                  LeadSource source, Attribution attribution, Consent consent, Set<String> tags,
                  Map<String, String> customFields, @Nullable UserId owner, Set<String> visitorIds) {
        Fields {
            tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
            customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
            visitorIds = Collections.unmodifiableSet(new LinkedHashSet<>(visitorIds));
        }

        Fields withAddress(@Nullable Address a) {
            return new Fields(firstName, lastName, company, title, email, phone, unverifiedPhone, a, birthDate,
                    source, attribution, consent, tags, customFields, owner, visitorIds);
        }

        Fields withAttribution(Attribution a) {
            return new Fields(firstName, lastName, company, title, email, phone, unverifiedPhone, address,
                    birthDate, source, a, consent, tags, customFields, owner, visitorIds);
        }
    }

    /** The field name a rep's API call uses, e.g. {@code POSTAL_CODE} → {@code postalCode}. */
    static String apiName(LeadField f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1, parts[i].length());
        }
        return b.toString();
    }

    /**
     * Checks {@code in} and returns its normalized values (ids, status, times and keys are the caller's); a birth
     * date after {@code today} is refused. A phone that cannot be verified is an error, or with {@code lenientPhone}
     * kept as entered in {@code unverifiedPhone}. Every problem goes to {@code v}.
     */
    static Fields validate(NewLead in, Function<LeadField, String> nameOf, LocalDate today, boolean lenientPhone,
                           PhoneRegions regions, TenantId tenant,
                           Validation v) {
        String firstName = text(in.firstName(), nameOf.apply(LeadField.FIRST_NAME), v);
        String lastName = text(in.lastName(), nameOf.apply(LeadField.LAST_NAME), v);
        v.check(lastName != null || firstName != null, nameOf.apply(LeadField.LAST_NAME),
                "a first or last name is required");
        String company = text(in.company(), nameOf.apply(LeadField.COMPANY), v);
        String title = text(in.title(), nameOf.apply(LeadField.TITLE), v);
        String email = Text.blankToNull(in.email());
        String phone = Text.blankToNull(in.phone());
        EmailAddress emailAddress = email == null ? null
                : v.attempt(nameOf.apply(LeadField.EMAIL), () -> EmailAddress.of(email));
        PhoneNumber phoneNumber = null;
        String unverifiedPhone = null;
        if (phone != null) {
            String region = regions.regionFor(tenant, in.address() == null ? null : in.address().country());
            String field = nameOf.apply(LeadField.PHONE);
            if (lenientPhone) {
                try {
                    phoneNumber = PhoneNumber.parse(phone, region);
                } catch (ValidationException e) {
                    // An import keeps a number it cannot verify, marked so, rather than losing the person over it.
                    if (v.maxLength(field, phone, LeadLimits.UNVERIFIED_PHONE) && v.singleLine(field, phone)) {
                        unverifiedPhone = phone;
                    }
                }
            } else {
                phoneNumber = v.attempt(field, () -> PhoneNumber.parse(phone, region));
            }
        }
        Address address = in.address();
        LocalDate birthDate = null;
        if (in.birthDate() != null) {
            LocalDate earliest = LocalDate.ofInstant(Validation.EARLIEST_INSTANT, ZoneOffset.UTC);
            birthDate = v.check(!in.birthDate().isBefore(earliest) && !in.birthDate().isAfter(today), "birthDate",
                    "must be from " + earliest + " to today") ? in.birthDate() : null;
        }
        v.check(email != null || phone != null || company != null || birthDate != null
                        || (address != null && (address.street() != null || address.city() != null
                        || address.postalCode() != null)),
                nameOf.apply(LeadField.EMAIL),
                "an email address, phone number, postal address, company or birth date is required");
        Set<String> tags = new LinkedHashSet<>(cleanTags(in.tags()));
        v.maxLengthEach(nameOf.apply(LeadField.TAGS), tags, LeadLimits.TAG);
        customFields(in.customFields(), v);
        Set<String> visitorIds = new LinkedHashSet<>();
        String visitor = Text.blankToNull(in.visitorId());
        if (visitor != null && v.maxLength(nameOf.apply(LeadField.VISITOR_ID), visitor, TrackingLimits.VISITOR_ID)) {
            visitorIds.add(visitor);
        }
        return new Fields(firstName, lastName, company, title, emailAddress, phoneNumber, unverifiedPhone, address,
                birthDate, in.source() == null ? LeadSource.MANUAL : in.source(),
                in.attribution() == null ? Attribution.NONE : in.attribution(),
                in.consent() == null ? Consent.NONE : in.consent(), tags, in.customFields(), in.owner(), visitorIds);
    }

    /**
     * Checks the count of custom fields and their keys and values ({@link LeadLimits}; stored in a JSON column, both
     * hold what any single-line field holds). Errors name {@code customFields}, or {@code customFields[key]} with
     * the key cut to {@link #KEY_IN_ERRORS} characters; a key that is not single-line text is never repeated.
     */
    private static void customFields(Map<String, String> fields, Validation v) {
        if (!v.check(fields.size() <= LeadLimits.CUSTOM_FIELDS, "customFields",
                "must be at most " + LeadLimits.CUSTOM_FIELDS + " fields")) {
            return;
        }
        fields.forEach((key, value) -> {
            if (!v.check(Text.badChar(key, false) < 0, "customFields",
                    "keys must be single-line text without control characters or unpaired surrogates")) {
                return;
            }
            String field = "customFields[" + (key.length() <= KEY_IN_ERRORS ? key
                    : key.substring(0, KEY_IN_ERRORS) + "...") + "]";
            v.check(key.length() <= LeadLimits.CUSTOM_FIELD_KEY, field,
                    "key must be at most " + LeadLimits.CUSTOM_FIELD_KEY + " characters");
            v.maxLength(field, value, LeadLimits.CUSTOM_FIELD_VALUE);
        });
    }

    /** Whether a form field that fills no lead field can become a custom field: a key a lead keeps. */
    private static boolean keepable(String name) {
        return name.length() <= LeadLimits.CUSTOM_FIELD_KEY && Text.badChar(name, false) < 0;
    }

    private static @Nullable String text(@Nullable String raw, String field, Validation v) {
        String t = Text.blankToNull(raw);
        v.maxLength(field, t, LeadLimits.NAME);
        return t;
    }

    static Set<String> cleanTags(Set<String> tags) {
        return tags.stream().map(Text::blankToNull).filter(t -> t != null)
                .map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Turns a web form into a {@link NewLead} per {@code mapping}: reports over-long values, required fields and
     * a bad country under the form's field names. Returns null when something is invalid.
     */
    static NewLead fromForm(FormMapping mapping, WebFormSubmission form, Validation v) {
        Map<LeadField, String> values = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : form.fields().entrySet()) {
            String name = e.getKey();
            String value = Text.blankToNull(e.getValue());
            if (name.equals(mapping.honeypot())) {
                continue;
            }
            LeadField target = mapping.fields().get(name);
            if (target == null && !keepable(name)) {
                continue; // a name no lead keeps: dropped, and never repeated in an error
            }
            if (!v.maxLength(name, value, FormMapping.MAX_VALUE_LENGTH)) {
                continue;
            }
            if (target != null) {
                if (value != null) {
                    values.put(target, value);
                }
            } else if (mapping.keepUnmapped() && value != null && custom.size() < LeadLimits.CUSTOM_FIELDS) {
                // Kept while they fit a lead; the rest is dropped rather than losing the lead over extra fields.
                custom.put(name, value);
            }
        }
        for (LeadField r : mapping.required()) {
            v.check(values.containsKey(r), formName(mapping, r), "is required");
        }
        String first = values.get(LeadField.FIRST_NAME);
        String last = values.get(LeadField.LAST_NAME);
        String full = values.get(LeadField.FULL_NAME);
        if (full != null && first == null && last == null) {
            int cut = full.lastIndexOf(' ');
            first = cut < 0 ? null : full.substring(0, cut).strip();
            last = cut < 0 ? full : full.substring(cut + 1);
        }
        Address address = null;
        if (values.containsKey(LeadField.STREET) || values.containsKey(LeadField.CITY)
                || values.containsKey(LeadField.REGION) || values.containsKey(LeadField.POSTAL_CODE)
                || values.containsKey(LeadField.COUNTRY) || mapping.defaultCountry() != null) {
            String country = values.getOrDefault(LeadField.COUNTRY, mapping.defaultCountry());
            String countryField = mapping.formFieldOf(LeadField.COUNTRY);
            // Checked here so that an over-long line is named by its own form field, not by the country's.
            boolean linesFit = lineFits(mapping, values, LeadField.STREET, Address.MAX_LINE, v)
                    & lineFits(mapping, values, LeadField.CITY, Address.MAX_LINE, v)
                    & lineFits(mapping, values, LeadField.REGION, Address.MAX_LINE, v)
                    & lineFits(mapping, values, LeadField.POSTAL_CODE, Address.MAX_POSTAL_CODE, v);
            address = !linesFit ? null : v.attempt(countryField == null ? "country" : countryField,
                    () -> new Address(values.get(LeadField.STREET), values.get(LeadField.CITY),
                            values.get(LeadField.REGION), values.get(LeadField.POSTAL_CODE), country, null));
        }
        Set<String> tags = values.containsKey(LeadField.TAGS)
                ? new LinkedHashSet<>(Arrays.asList(values.get(LeadField.TAGS).split(","))) : Set.of();
        Consent consent = new Consent(truthy(values.get(LeadField.CONSENT_EMAIL)),
                truthy(values.get(LeadField.CONSENT_PHONE)), truthy(values.get(LeadField.CONSENT_TRACKING)),
                truthy(values.get(LeadField.CONSENT_POSTAL)));
        String visitor = form.visitorId() != null ? form.visitorId() : values.get(LeadField.VISITOR_ID);
        return new NewLead(first, last, values.get(LeadField.COMPANY), values.get(LeadField.TITLE),
                values.get(LeadField.EMAIL), values.get(LeadField.PHONE), address, mapping.source(), null, consent,
                null, tags, custom, visitor);
    }

    private static boolean lineFits(FormMapping mapping, Map<LeadField, String> values, LeadField f, int max,
                                    Validation v) {
        return v.maxLength(formName(mapping, f), values.get(f), max);
    }

    /** The form's own name of {@code f}, or the API name when the mapping gives it none. */
    private static String formName(FormMapping mapping, LeadField f) {
        String name = mapping.formFieldOf(f);
        return name == null ? apiName(f) : name;
    }

    /** The ad and affiliate tracking codes the form carried, if mapped. */
    static @Nullable String code(FormMapping mapping, WebFormSubmission form, LeadField field) {
        String name = mapping.formFieldOf(field);
        return name == null ? null : Text.blankToNull(form.fields().get(name));
    }

    static boolean truthy(@Nullable String value) {
        return value != null && TRUTHY.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
