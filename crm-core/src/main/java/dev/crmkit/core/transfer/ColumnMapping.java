package dev.crmkit.core.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of an import file fills which field. Columns are named by their header (compared ignoring case,
 * spaces and punctuation). A column is mapped to an {@link ImportField}, to a custom field of a lead, or ignored;
 * with {@link #byHeader()}, the columns not named here are recognised by their headers ({@link ImportField}). A
 * column that is none of these is an error, so that no data is silently left out. The column {@code Id} (a
 * CRMKit export's record id) is always ignored. A mapping can be saved by name
 * ({@code ImportService.saveMapping}) or kept by the host as {@link #toText() text}.
 *
 * @param recogniseHeaders whether columns not named here are recognised by their headers
 * @param columns      header → field
 * @param customFields header → a lead's custom field name
 * @param ignored      headers to leave out
 */
public record ColumnMapping(boolean recogniseHeaders, Map<String, ImportField> columns, Map<String, String> customFields,
                            Set<String> ignored) {
    private static final ObjectMapper JSON = new ObjectMapper(JsonLimits.ownText());
    private static final String EXPORT_ID = "id";

    public ColumnMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        ignored = ignored == null ? Set.of() : Set.copyOf(ignored);
    }

    /** Every column recognised by its header ("E-mail", "Given name", "ZIP" ...). */
    public static ColumnMapping byHeader() {
        return new ColumnMapping(true, Map.of(), Map.of(), Set.of());
    }

    /** Only the columns named in this mapping; any other column is an error. */
    public static ColumnMapping explicit() {
        return new ColumnMapping(false, Map.of(), Map.of(), Set.of());
    }

    /** This mapping with the column {@code header} filling {@code field}. */
    public ColumnMapping map(String header, ImportField field) {
        Map<String, ImportField> c = new LinkedHashMap<>(columns);
        c.put(header, field);
        return new ColumnMapping(recogniseHeaders, c, customFields, ignored);
    }

    /** This mapping with the column {@code header} filling a lead's custom field {@code name}. */
    public ColumnMapping custom(String header, String name) {
        Map<String, String> c = new LinkedHashMap<>(customFields);
        c.put(header, name);
        return new ColumnMapping(recogniseHeaders, columns, c, ignored);
    }

    /** This mapping leaving the column {@code header} out. */
    public ColumnMapping ignore(String header) {
        Set<String> i = new LinkedHashSet<>(ignored);
        i.add(header);
        return new ColumnMapping(recogniseHeaders, columns, customFields, i);
    }

    /** The mapping as JSON text, for a host that keeps mappings itself; {@link #parse} reads it back. */
    public String toText() {
        ObjectNode root = JSON.createObjectNode();
        root.put("recogniseHeaders", recogniseHeaders);
        ObjectNode c = root.putObject("columns");
        columns.forEach((h, f) -> c.put(h, f.name()));
        ObjectNode custom = root.putObject("customFields");
        customFields.forEach(custom::put);
        ignored.forEach(root.putArray("ignored")::add);
        return root.toString();
    }

    /** The mapping {@link #toText()} wrote; anything else is a {@code ValidationException} on {@code mapping}. */
    public static ColumnMapping parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            Map<String, ImportField> c = new LinkedHashMap<>();
            root.path("columns").properties().forEach(e -> c.put(e.getKey(),
                    ImportField.valueOf(e.getValue().asText())));
            Map<String, String> custom = new LinkedHashMap<>();
            root.path("customFields").properties().forEach(e -> custom.put(e.getKey(), e.getValue().asText()));
            Set<String> i = new LinkedHashSet<>();
            root.path("ignored").forEach(n -> i.add(n.asText()));
            return new ColumnMapping(root.path("recogniseHeaders").asBoolean(false), c, custom, i);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("mapping", "is not a column mapping: " + e.getMessage());
        }
    }

    /**
     * What each column of a file with {@code headers} fills, for {@code target}; every column that is unknown,
     * mapped twice or not a field of the target is one error, named by its header.
     */
    Columns resolve(List<String> headers, ImportTarget target) {
        Map<String, ImportField> named = normalised(columns);
        Map<String, String> custom = normalised(customFields);
        Set<String> skip = new java.util.HashSet<>();
        ignored.forEach(h -> skip.add(ImportField.normalise(h)));
        List<FieldError> errors = new ArrayList<>();
        Map<ImportField, Integer> fields = new EnumMap<>(ImportField.class);
        Map<String, Integer> customColumns = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String key = ImportField.normalise(header);
            if (custom.containsKey(key)) {
                if (target != ImportTarget.LEAD) {
                    errors.add(new FieldError(header, "custom fields are imported into leads only"));
                } else if (customColumns.putIfAbsent(custom.get(key), i) != null) {
                    errors.add(new FieldError(header, "custom field " + custom.get(key) + " has two columns"));
                }
                continue;
            }
            if (skip.contains(key) || key.equals(EXPORT_ID)) {
                continue;
            }
            Optional<ImportField> field = Optional.ofNullable(named.get(key));
            if (field.isEmpty() && recogniseHeaders) {
                field = ImportField.recognise(header, target);
            }
            if (field.isEmpty()) {
                errors.add(new FieldError(header.isBlank() ? "column " + (i + 1) : header,
                        "unknown column: map it to a field or a custom field, or ignore it"));
            } else if (!field.get().appliesTo(target)) {
                errors.add(new FieldError(header, field.get() + " is not a field of a " + target));
            } else if (fields.putIfAbsent(field.get(), i) != null) {
                errors.add(new FieldError(header, field.get() + " has two columns: "
                        + headers.get(fields.get(field.get())) + " and " + header));
            }
        }
        boolean named1 = target == ImportTarget.ACCOUNT ? fields.containsKey(ImportField.COMPANY)
                : fields.containsKey(ImportField.FIRST_NAME) || fields.containsKey(ImportField.LAST_NAME);
        if (!named1 && errors.isEmpty()) {
            errors.add(new FieldError("columns", target == ImportTarget.ACCOUNT ? "no column for the company name"
                    : "no column for the first or last name"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Columns(headers, fields, customColumns);
    }

    private static <V> Map<String, V> normalised(Map<String, V> byHeader) {
        Map<String, V> out = new HashMap<>();
        byHeader.forEach((h, v) -> out.put(ImportField.normalise(h), v));
        return out;
    }

    /** Resolved: the column index of each field and custom field. */
    record Columns(List<String> headers, Map<ImportField, Integer> fields, Map<String, Integer> customFields) {
        String headerOf(ImportField f) {
            Integer i = fields.get(f);
            return i == null ? f.header() : headers.get(i);
        }
    }
}
