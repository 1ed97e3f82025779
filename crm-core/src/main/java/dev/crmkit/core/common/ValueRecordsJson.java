package dev.crmkit.core.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Jackson support for CRMKit's one-value records (ids, {@link TenantId}, {@link UserId}, {@link EmailAddress} and
 * the like: a record of this library with one {@code String} or {@code UUID} component named {@code value}): each is
 * written as its text, {@code "0190..."} rather than {@code {"value": "0190..."}}, read back through its canonical
 * constructor (so its validation applies), and works as a map key. Used for the outbox's event payloads and by the
 * {@code crm-jackson} module hosts register.
 */
public final class ValueRecordsJson {
    private ValueRecordsJson() {
    }

    /** The module: register it on an {@code ObjectMapper}. */
    public static Module module() {
        return valueRecords();
    }

    /** A record of this library with one String or UUID component named {@code value}. */
    static boolean isValueRecord(Class<?> type) {
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
            public @Nullable JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                    BeanDescription bean) {
                return isValueRecord(type.getRawClass()) ? new ValueSerializer(type.getRawClass()) : null;
            }
        };
    }

    private static Deserializers valueDeserializers() {
        return new Deserializers.Base() {
            @Override
            public @Nullable JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
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
