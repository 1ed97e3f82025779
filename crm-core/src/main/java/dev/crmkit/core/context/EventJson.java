package dev.crmkit.core.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.JsonLimits;
import dev.crmkit.core.common.ValueRecordsJson;

/**
 * Events as JSON, for the outbox and for webhooks. Records map to objects of their components; the one-value
 * records of the domain (ids, tenant, user, email address, phone number) map to their value, so a payload reads
 * {@code "lead": {"id": "0190...", "email": "ada@example.com", ...}}. Times are ISO-8601 text, money amounts are
 * exact decimal numbers. Unknown properties are ignored on reading, so an older node can read a newer payload.
 * Reading has no length bounds: payloads are CRMKit's own text, written from validated records, and an event stored
 * before a limit narrowed (or under a newer Jackson's defaults) must still be delivered, not dead-lettered.
 */
final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonLimits.ownText())
            .addModule(new JavaTimeModule())
            .addModule(ValueRecordsJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {
    }

    static String write(DomainEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // A programming error (an event type Jackson cannot write); the write must not commit without it.
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <E extends DomainEvent> E read(String json, Class<E> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " from its JSON", e);
        }
    }
}
