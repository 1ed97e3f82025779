package dev.crmkit.core.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a website's form fields become a lead: which form field fills which {@link LeadField}, the honeypot field
 * (hidden from people; a bot that fills it marks the submission as spam), which fields are required beyond the
 * lead's own rules, and whether unmapped fields are kept as custom fields. Immutable; build one per form and reuse it.
 * Validation errors name the form's own field names, so a web page can show them next to its inputs.
 *
 * <pre>{@code
 * FormMapping contactUs = FormMapping.builder("contact-us")
 *         .map("fname", LeadField.FIRST_NAME).map("lname", LeadField.LAST_NAME)
 *         .map("email", LeadField.EMAIL).map("newsletter", LeadField.CONSENT_EMAIL)
 *         .honeypot("website")
 *         .build();
 * }</pre>
 */
public final class FormMapping {
    /** Longest value accepted in any form field; longer input is rejected rather than silently cut. */
    public static final int MAX_VALUE_LENGTH = 2000;

    private final String formName;
    private final Map<String, LeadField> fields;
    private final Set<LeadField> required;
    private final @Nullable String honeypot;
    private final boolean keepUnmapped;
    private final LeadSource source;
    private final @Nullable String defaultCountry;

    private FormMapping(Builder b) {
        this.formName = b.formName;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
        this.required = Collections.unmodifiableSet(EnumSet.copyOf(b.required));
        this.honeypot = b.honeypot;
        this.keepUnmapped = b.keepUnmapped;
        this.source = b.source;
        this.defaultCountry = b.defaultCountry;
    }

    /** Starts a mapping for the form called {@code formName} (recorded on the form-submission touchpoint). */
    public static Builder builder(String formName) {
        return new Builder(formName);
    }

    public String formName() {
        return formName;
    }

    /** Form field name → lead field, in the order they were mapped. */
    public Map<String, LeadField> fields() {
        return fields;
    }

    public Set<LeadField> required() {
        return required;
    }

    /** The honeypot form field, or null. */
    public @Nullable String honeypot() {
        return honeypot;
    }

    public boolean keepUnmapped() {
        return keepUnmapped;
    }

    public LeadSource source() {
        return source;
    }

    /** Country (ISO alpha-2) phones without a country code are read in when the form gives no country; may be null. */
    public @Nullable String defaultCountry() {
        return defaultCountry;
    }

    /** The form field mapped to {@code target}, or null. */
    @Nullable String formFieldOf(LeadField target) {
        for (Map.Entry<String, LeadField> e : fields.entrySet()) {
            if (e.getValue() == target) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Builds a {@link FormMapping}; a form field mapped twice, or a lead field filled twice, is an error. */
    public static final class Builder {
        private final String formName;
        private final Map<String, LeadField> fields = new LinkedHashMap<>();
        private final Set<LeadField> required = EnumSet.noneOf(LeadField.class);
        private @Nullable String honeypot;
        private boolean keepUnmapped = true;
        private LeadSource source = LeadSource.WEB_FORM;
        private @Nullable String defaultCountry;

        private Builder(String formName) {
            if (formName == null || formName.isBlank()) {
                throw new IllegalArgumentException("formName is required");
            }
            this.formName = formName.strip();
        }

        public Builder map(String formField, LeadField target) {
            Objects.requireNonNull(formField, "formField");
            Objects.requireNonNull(target, "target");
            if (fields.containsKey(formField)) {
                throw new IllegalArgumentException("form field '" + formField + "' is mapped twice");
            }
            if (fields.containsValue(target)) {
                throw new IllegalArgumentException(target + " is filled by two form fields");
            }
            fields.put(formField, target);
            return this;
        }

        /** Makes a mapped lead field required on this form (e.g. COMPANY on a B2B form). */
        public Builder require(LeadField... targets) {
            required.addAll(List.of(targets));
            return this;
        }

        public Builder honeypot(String formField) {
            this.honeypot = Objects.requireNonNull(formField, "formField");
            return this;
        }

        /**
         * Keep fields that are neither mapped nor the honeypot as custom fields (default true): the first
         * {@link LeadLimits#CUSTOM_FIELDS} in the form's order whose names are at most
         * {@link LeadLimits#CUSTOM_FIELD_KEY} characters; further ones are dropped, so extra fields never cost the
         * lead. Their values are checked like every field's ({@link FormMapping#MAX_VALUE_LENGTH}).
         */
        public Builder keepUnmapped(boolean keep) {
            this.keepUnmapped = keep;
            return this;
        }

        /** The lead source to record (default WEB_FORM). */
        public Builder source(LeadSource value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        public Builder defaultCountry(String isoCountry) {
            this.defaultCountry = isoCountry;
            return this;
        }

        public FormMapping build() {
            List<LeadField> unmapped = new ArrayList<>();
            for (LeadField r : required) {
                if (!fields.containsValue(r)) {
                    unmapped.add(r);
                }
            }
            if (!unmapped.isEmpty()) {
                throw new IllegalArgumentException("required but not mapped: " + unmapped);
            }
            if (honeypot != null && fields.containsKey(honeypot)) {
                throw new IllegalArgumentException("honeypot '" + honeypot + "' is also a mapped field");
            }
            return new FormMapping(this);
        }
    }
}
