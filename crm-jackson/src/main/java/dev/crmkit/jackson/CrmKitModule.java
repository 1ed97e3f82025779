package dev.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.ValueRecordsJson;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CRMKit's types as a host's JSON API shows them: register it on the application's {@code ObjectMapper} (the
 * Spring Boot starter does). Ids and other one-value records are their text ({@code "lead": "0190..."}), {@code Money}
 * is {@code {"amount": "1999.99", "currency": "GBP"}} (the amount as text, so no client rounds it), enums are their
 * names, times ISO-8601 (the module brings the JSR-310 module), and every record of the library is exactly its
 * components: helpers such as {@code Money.isNegative()} are not written, so each record reads back as it was
 * written. Values are read through the records' constructors, so their validation applies.
 */
public final class CrmKitModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public CrmKitModule() {
        super("crmkit");
        addSerializer(Money.class, new MoneySerializer());
        addDeserializer(Money.class, new MoneyDeserializer());
        setSerializerModifier(new ComponentsOnly());
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return List.of(new JavaTimeModule(), ValueRecordsJson.module());
    }

    private static final class MoneySerializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            JsonNode amount = node == null ? null : node.get("amount");
            JsonNode currency = node == null ? null : node.get("currency");
            if (amount == null || currency == null || !currency.isTextual()
                    || !(amount.isTextual() || amount.isNumber())) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            try {
                return Money.of(amount.asText(), currency.asText());
            } catch (CrmException | IllegalArgumentException e) {
                throw ctxt.weirdStringException(amount.asText(), Money.class, e.getMessage());
            }
        }
    }

    /** Keeps only the record components of CRMKit's records, dropping derived getters such as {@code isOpen()}. */
    private static final class ComponentsOnly extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            Class<?> type = bean.getBeanClass();
            if (!type.isRecord() || !type.getName().startsWith("dev.crmkit.")) {
                return properties;
            }
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            // By the member's own name: a component may be written under another one (@JsonProperty).
            return properties.stream().filter(p -> components.contains(
                    p.getMember() == null ? p.getName() : p.getMember().getName())).toList();
        }
    }
}
