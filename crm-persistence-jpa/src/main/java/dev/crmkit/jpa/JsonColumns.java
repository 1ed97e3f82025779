package dev.crmkit.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.StorageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Collections stored as JSON text in their owner's row: read and written with the row, no join. Sets and maps are
 * written sorted so that equal values give equal text.
 *
 * <p>Reading has no length bounds: this is the adapter's own text, written from validated values, and Jackson's
 * default bounds (50,000-character keys, 20 MB strings) are narrower than what older versions let through. A row
 * it wrote must always read back, or one record would fail every read of its tenant.
 */
final class JsonColumns {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonLimits.ownText()).build();

    private JsonColumns() {
    }

    static String strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        new TreeSet<>(values).forEach(array::add);
        return write(array);
    }

    static Set<String> stringSet(String json) {
        Set<String> out = new LinkedHashSet<>();
        read(json).forEach(n -> out.add(n.asText()));
        return out;
    }

    static String stringMap(Map<String, String> values) {
        ObjectNode object = MAPPER.createObjectNode();
        new TreeMap<>(values).forEach(object::put);
        return write(object);
    }

    static Map<String, String> stringMap(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        read(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** A list of strings in its own order, duplicates kept (unlike {@link #strings}). */
    static String stringList(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    static List<String> stringList(String json) {
        List<String> out = new ArrayList<>();
        read(json).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A list of records, each written as a JSON object by {@code toJson}. */
    static <T> String objects(List<T> values, Function<T, ObjectNode> toJson) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(v -> array.add(toJson.apply(v)));
        return write(array);
    }

    static <T> List<T> objects(String json, Function<JsonNode, T> fromJson) {
        List<T> out = new ArrayList<>();
        read(json).forEach(n -> out.add(fromJson.apply(n)));
        return out;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A value Jackson can bind (e.g. segment criteria), read without the bounds of untrusted input. */
    static <T> T value(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read JSON column: " + e.getOriginalMessage(), e);
        }
    }

    /** The text of {@code field}, or null when it is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write JSON column", e);
        }
    }

    private static JsonNode read(String json) {
        if (json == null || json.isEmpty()) {
            return MAPPER.createArrayNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
