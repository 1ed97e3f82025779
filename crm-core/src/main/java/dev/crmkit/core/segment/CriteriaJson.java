package dev.crmkit.core.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.ValidationException;

/**
 * The one Jackson mapper criteria are written and read with; thread-safe once configured. Reading is bounded
 * ({@link #LIMITS}), so hostile JSON is refused before it is parsed into a tree, let alone validated.
 */
final class CriteriaJson {
    /**
     * A tree level takes two JSON levels (a node's object and its list of children), a condition's values one more:
     * so every tree within {@link SegmentLimits#DEPTH} parses, and 700 nested levels stop at the parser.
     */
    static final JsonLimits LIMITS = new JsonLimits(SegmentLimits.JSON, 2 * (SegmentLimits.DEPTH + 1),
            64, SegmentLimits.JSON, 20L * SegmentLimits.NODES + 2L * SegmentLimits.VALUES);
    private static final ObjectMapper MAPPER = JsonMapper.builder(LIMITS.factory()).build();

    private CriteriaJson() {
    }

    static String write(Criteria c) {
        try {
            return MAPPER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("criteria could not be written as JSON", e);
        }
    }

    static Criteria read(String json) {
        Criteria c = LIMITS.parse("criteria", "criteria JSON", json, p -> MAPPER.readValue(p, Criteria.class));
        if (c == null) {
            throw new ValidationException("criteria", "is required");
        }
        return c;
    }
}
