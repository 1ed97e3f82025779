package dev.crmkit.core.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmkit.core.common.ValidationException;

/** The one Jackson mapper criteria are written and read with; thread-safe once configured. */
final class CriteriaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        try {
            Criteria c = MAPPER.readValue(json, Criteria.class);
            if (c == null) {
                throw new ValidationException("criteria", "is required");
            }
            return c;
        } catch (JsonProcessingException e) {
            throw new ValidationException("criteria", "is not valid criteria JSON: " + e.getOriginalMessage());
        }
    }
}
