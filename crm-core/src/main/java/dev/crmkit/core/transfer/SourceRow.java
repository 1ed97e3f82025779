package dev.crmkit.core.transfer;

import dev.crmkit.core.common.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One row of an import file as text per field, before any checking, with the header each field came from (so
 * errors name the user's column) and the errors found while reading it.
 */
record SourceRow(int number, Map<ImportField, String> values, Map<String, String> customFields,
                 Map<ImportField, String> headers, List<FieldError> errors) {
    SourceRow {
        EnumMap<ImportField, String> present = new EnumMap<>(ImportField.class);
        values.forEach((f, v) -> {
            if (!v.isBlank()) {
                present.put(f, v.strip());
            }
        });
        values = Collections.unmodifiableMap(present);
        customFields = Map.copyOf(customFields);
        errors = List.copyOf(errors);
    }

    @Nullable String value(ImportField f) {
        return values.get(f);
    }

    /** The header of the column {@code f} came from (its export header when it came from a card). */
    String header(ImportField f) {
        return headers.getOrDefault(f, f.header());
    }

    /**
     * A hash of what the row says for {@code target}: the same person typed again (in another file, in another
     * column order) has the same key, so a re-run creates nothing.
     */
    String key(ImportTarget target) {
        StringBuilder b = new StringBuilder(target.name());
        values.forEach((f, v) -> b.append('\u0000').append(f.name()).append('=').append(v));
        new TreeMap<>(customFields).forEach((k, v) -> b.append('\u0000').append("custom.").append(k).append('=')
                .append(v));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
