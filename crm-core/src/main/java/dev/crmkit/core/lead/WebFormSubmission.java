package dev.crmkit.core.lead;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A web form as the host received it: field name → value, plus the optional anonymous visitor id and the
 * submission's own id (used to record the form touchpoint once, however often the host retries).
 */
public record WebFormSubmission(Map<String, String> fields, @Nullable String visitorId, @Nullable String submissionId) {
    /** Characters of a form posted as JSON; no form a person fills in comes near. */
    public static final int MAX_JSON_LENGTH = 1_000_000;
    /** Fields of a JSON form, counting each item of an array. */
    public static final int MAX_FIELDS = 1_000;
    /** Characters of one key of a JSON form: the longest field name a lead keeps as a custom field. */
    public static final int MAX_NAME_LENGTH = LeadLimits.CUSTOM_FIELD_KEY;
    /** Levels of nested objects and arrays in a JSON form. */
    public static final int MAX_DEPTH = 8;

    // Values are bounded by the document only: an over-long value is reported under its own form field name.
    private static final JsonLimits LIMITS = new JsonLimits(MAX_JSON_LENGTH, MAX_DEPTH, MAX_NAME_LENGTH,
            MAX_JSON_LENGTH, 4L * MAX_FIELDS + 2L * MAX_DEPTH);

    public WebFormSubmission {
        Map<String, String> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** A form posted as fields (e.g. {@code application/x-www-form-urlencoded}, already decoded by the host). */
    public static WebFormSubmission of(Map<String, ?> fields) {
        Map<String, String> text = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> text.put(k, v == null ? null : String.valueOf(v)));
        }
        return new WebFormSubmission(text, null, null);
    }

    /**
     * A form posted as a JSON object. Nested objects flatten to dotted names ({@code {"address":{"city":"X"}}}
     * gives {@code address.city}); arrays of scalars join with commas. The JSON is read as a stream and refused, as
     * a {@code ValidationException} on {@code payload}, as soon as it passes a bound: {@link #MAX_JSON_LENGTH},
     * {@link #MAX_FIELDS}, {@link #MAX_NAME_LENGTH}, {@link #MAX_DEPTH}. Anything but a JSON object, a key given
     * twice (also as {@code "a.b"} next to {@code {"a":{"b":..}}}) or malformed JSON is refused the same way.
     */
    public static WebFormSubmission fromJson(String json) {
        Map<String, String> fields = LIMITS.parse("payload", "JSON", json == null ? "" : json, p -> {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException("payload", "must be a JSON object");
            }
            Map<String, String> out = new LinkedHashMap<>();
            flatten("", p, out, new int[1]);
            if (p.nextToken() != null) {
                throw new ValidationException("payload", "has more after the JSON object");
            }
            return out;
        });
        return new WebFormSubmission(fields, null, null);
    }

    /** Reads the members of the object {@code p} has just entered into {@code out}; {@code count} counts fields. */
    private static void flatten(String prefix, JsonParser p, Map<String, String> out, int[] count)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken token = p.nextToken();
            if (token == JsonToken.START_OBJECT) {
                flatten(name + ".", p, out, count);
                continue;
            }
            String value;
            if (token == JsonToken.START_ARRAY) {
                List<String> parts = new ArrayList<>();
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    counted(count);
                    if (item.isStructStart()) {
                        p.skipChildren(); // only scalars are kept, as a form's multi-value fields are
                    } else if (item != JsonToken.VALUE_NULL) {
                        parts.add(p.getText());
                    }
                }
                value = String.join(",", parts);
            } else {
                value = token == JsonToken.VALUE_NULL ? null : p.getText();
            }
            counted(count);
            if (value != null && out.putIfAbsent(name, value) != null) {
                throw new ValidationException("payload", "repeats the key '" + name + "'");
            }
        }
    }

    private static void counted(int[] count) {
        if (++count[0] > MAX_FIELDS) {
            throw new ValidationException("payload", "has more than " + MAX_FIELDS + " fields");
        }
    }

    /** This submission from anonymous visitor {@code id}: their earlier clicks will count for the lead. */
    public WebFormSubmission fromVisitor(String id) {
        return new WebFormSubmission(fields, id, submissionId);
    }

    /** The host's id of this submission; a retry with the same id records the form touchpoint only once. */
    public WebFormSubmission withSubmissionId(String id) {
        return new WebFormSubmission(fields, visitorId, id);
    }
}
