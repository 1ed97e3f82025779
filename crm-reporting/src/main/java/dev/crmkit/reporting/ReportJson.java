package dev.crmkit.reporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.ValidationException;

/** Reads and writes report definitions (for hosts that store them or let users edit them) and results as JSON. */
public final class ReportJson {
    /**
     * Bounds of definition JSON, read from users: a definition nests six levels (measures, a measure, its where
     * filters, a filter, its values); keys are property names.
     */
    private static final JsonLimits DEFINITION_LIMITS = new JsonLimits(ReportLimits.JSON, 8, 64, ReportLimits.JSON,
            2L * ReportLimits.FILTER_VALUES + 40L * (ReportLimits.MEASURES + ReportLimits.ORDER) + 1000);
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder());
    private static final ObjectMapper DEFINITIONS = configure(JsonMapper.builder(DEFINITION_LIMITS.factory()));

    private ReportJson() {
    }

    private static ObjectMapper configure(JsonMapper.Builder builder) {
        return builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The mapper used here for writing, and for reading results; do not reconfigure it. It has Jackson's default
     * bounds only: read definitions from users with {@link #read(String)}.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ReportDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition always serializes", e);
        }
    }

    /** A result as JSON; numbers keep their exact decimals. */
    public static String write(ReportResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result always serializes", e);
        }
    }

    /** Parses a result written by {@link #write(ReportResult)}. */
    public static ReportResult readResult(String json) {
        try {
            return MAPPER.readValue(json, ReportResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a report result: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses a definition. JSON beyond {@link ReportLimits#JSON} characters or eight levels, a key given twice, or
     * malformed JSON is a {@link ValidationException} on {@code definition}, refused before it is parsed further;
     * an invalid definition one naming its parts.
     */
    public static ReportDefinition read(String json) {
        ReportDefinition d = DEFINITION_LIMITS.parse("definition", "definition JSON", json,
                p -> DEFINITIONS.readValue(p, ReportDefinition.class));
        if (d == null) {
            throw new ValidationException("definition", "is required");
        }
        return d;
    }
}
