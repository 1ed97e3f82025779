package dev.crmkit.core.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A web form as the host received it: field name → value, plus the optional anonymous visitor id and the
 * submission's own id (used to record the form touchpoint once, however often the host retries).
 */
public record WebFormSubmission(Map<String, String> fields, String visitorId, String submissionId) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * gives {@code address.city}); arrays of scalars join with commas. Anything but a JSON object is a
     * {@code ValidationException} on {@code payload}.
     */
    public static WebFormSubmission fromJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("payload", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException("payload", "must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", root, fields);
        return new WebFormSubmission(fields, null, null);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, out);
            } else if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(item -> {
                    if (item.isValueNode() && !item.isNull()) {
                        parts.add(item.asText());
                    }
                });
                out.put(name, String.join(",", parts));
            } else if (!value.isNull()) {
                out.put(name, value.asText());
            }
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
