package dev.crmkit.core.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.DomainEvent;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.UUID;

/**
 * Events as JSON, for the outbox and for webhooks. Records map to objects of their components; the one-value
 * records of the domain (ids, tenant, user, email address, phone number) map to their value, so a payload reads
 * {@code "lead": {"id": "0190...", "email": "ada@example.com", ...}}. Times are ISO-8601 text, money amounts are
 * exact decimal numbers. Unknown properties are ignored on reading, so an older node can read a newer payload.
 * Reading has no length bounds: payloads are CRMKit's own text, written from validated records, and an event stored
 * before a limit narrowed (or under a newer Jackson's defaults) must still be delivered, not dead-lettered.
 */
final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNameLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(valueRecords())
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

    /** A record of this library with one String or UUID component named {@code value}. */
    private static boolean isValueRecord(Class<?> type) {
        if (!type.isRecord() || !type.getName().startsWith("dev.crmkit.")) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value")
                && (components[0].getType() == String.class || components[0].getType() == UUID.class);
    }

    private static SimpleModule valueRecords() {
        return new SimpleModule("crmkit-value-records") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addSerializers(valueSerializers());
                context.addDeserializers(valueDeserializers());
                // Map keys (e.g. a price book's prices by ProductId) are written with toString(): the value's text.
                context.addKeyDeserializers((type, config, bean) -> isValueRecord(type.getRawClass())
                        ? new ValueKeyDeserializer(new ValueDeserializer(type.getRawClass())) : null);
            }
        };
    }

    private static Serializers valueSerializers() {
        return new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
                return isValueRecord(type.getRawClass()) ? new ValueSerializer(type.getRawClass()) : null;
            }
        };
    }

    private static Deserializers valueDeserializers() {
        return new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription bean) {
                return isValueRecord(type.getRawClass()) ? new ValueDeserializer(type.getRawClass()) : null;
            }
        };
    }

    private static final class ValueSerializer extends JsonSerializer<Object> {
        private final RecordComponent component;

        ValueSerializer(Class<?> type) {
            this.component = type.getRecordComponents()[0];
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            try {
                gen.writeString(component.getAccessor().invoke(value).toString());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IOException("cannot read " + component, e);
            }
        }
    }

    private static final class ValueKeyDeserializer extends KeyDeserializer {
        private final ValueDeserializer values;

        ValueKeyDeserializer(ValueDeserializer values) {
            this.values = values;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return values.fromText(key, ctxt);
        }
    }

    private static final class ValueDeserializer extends JsonDeserializer<Object> {
        private final Constructor<?> constructor;
        private final boolean uuid;

        ValueDeserializer(Class<?> type) {
            Class<?> valueType = type.getRecordComponents()[0].getType();
            try {
                this.constructor = type.getDeclaredConstructor(valueType);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
            this.uuid = valueType == UUID.class;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(constructor.getDeclaringClass(), p);
            }
            return fromText(p.getText(), ctxt);
        }

        Object fromText(String text, DeserializationContext ctxt) throws IOException {
            try {
                return constructor.newInstance(uuid ? UUID.fromString(text) : text);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException
                     | IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, constructor.getDeclaringClass(), e.toString());
            }
        }
    }
}
