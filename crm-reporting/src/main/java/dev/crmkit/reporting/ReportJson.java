package dev.crmkit.reporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.ValidationException;

/** Reads and writes report definitions (for hosts that store them or let users edit them) and results as JSON. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /** The mapper used here, configured for definitions and results; do not reconfigure it. */
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

    /** Parses a definition; malformed JSON or an invalid definition is a {@link ValidationException}. */
    public static ReportDefinition read(String json) {
        try {
            return MAPPER.readValue(json, ReportDefinition.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("definition", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException("definition", e.getOriginalMessage());
        }
    }
}
