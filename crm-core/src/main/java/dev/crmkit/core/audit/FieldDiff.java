package dev.crmkit.core.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.ValueRecordsJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields that differ between two versions of an aggregate (records all), by their JSON names: components
 * Jackson unwraps ({@code @JsonUnwrapped}) contribute their own fields, nested records of several values their fields
 * as {@code outer.inner}; ids, emails and other one-value records, {@link Money} and plain values are one field each,
 * lists, sets and maps one field as JSON. Skipped: the version, {@code updatedAt} (every write changes them) and
 * {@code history} (a record's own change log, which the trail replaces), and {@code @JsonIgnore}d components.
 * Secrets (a type named {@code ...Secret}) show only that they changed.
 */
final class FieldDiff {
    private static final Set<String> SKIPPED = Set.of("version", "updatedAt", "history");
    private static final String HIDDEN = "(secret)";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(ValueRecordsJson.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .filter(c -> !SKIPPED.contains(c.getName())
                            && !c.getAccessor().isAnnotationPresent(JsonIgnore.class))
                    .map(Component::of)
                    .toList();
        }
    };

    /** Per record type, its one component when it has only one (ids, emails, phones), else null. */
    private static final ClassValue<Optional<Component>> SOLE = new ClassValue<>() {
        @Override
        protected Optional<Component> computeValue(Class<?> type) {
            RecordComponent[] all = type.getRecordComponents();
            return all.length == 1 ? Optional.of(Component.of(all[0])) : Optional.empty();
        }
    };

    private FieldDiff() {
    }

    /**
     * What changed from {@code before} to {@code after}, two versions of one aggregate; with {@code before} unknown
     * (null), every value {@code after} holds.
     */
    static List<FieldChange> between(@Nullable Record before, Record after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    /** Every value {@code deleted} held, as changes to nothing. */
    static List<FieldChange> held(Record deleted) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", deleted, null, changes);
        return changes;
    }

    private static void compare(String prefix, @Nullable Object before, @Nullable Object after,
                                List<FieldChange> changes) {
        Class<?> type = (before != null ? before : Objects.requireNonNull(after)).getClass();
        for (Component c : COMPONENTS.get(type)) {
            Object b = before == null ? null : c.get(before);
            Object a = after == null ? null : c.get(after);
            if (Objects.equals(b, a)) {
                continue;
            }
            String field = prefix + c.name();
            if (c.unwrapped() && (b != null || a != null)) {
                compare(prefix, b, a, changes);
            } else if (splits(b != null ? b : a)) {
                compare(field + ".", b, a, changes);
            } else if (b instanceof List<?> was && a instanceof List<?> is && is.size() > was.size()
                    && is.subList(0, was.size()).equals(was)) {
                changes.add(new FieldChange(field + "[+]", null, text(is.subList(was.size(), is.size()))));
            } else {
                changes.add(new FieldChange(field, text(b), text(a)));
            }
        }
    }

    /** Whether {@code value} is compared field by field: a record of several values, other than money. */
    private static boolean splits(@Nullable Object value) {
        return value instanceof Record r && !(r instanceof Money) && COMPONENTS.get(r.getClass()).size() > 1;
    }

    /** {@code value} as the trail stores it. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().getSimpleName().endsWith("Secret")) {
            return HIDDEN;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Money || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Record r && SOLE.get(r.getClass()).isPresent()) {
            return text(SOLE.get(r.getClass()).get().get(r));
        }
        if (value instanceof Set<?> set) {
            // a set's order is arbitrary: sorted, equal sets read the same
            return JSON.valueToTree(set.stream().map(FieldDiff::text).sorted().toList()).toString();
        }
        JsonNode node = JSON.valueToTree(value instanceof Collection<?> c ? new ArrayList<>(c) : value);
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private record Component(String name, Method accessor, boolean unwrapped) {
        static Component of(RecordComponent c) {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            // Jackson's annotations do not target record components: javac puts them on the accessor
            return new Component(c.getName(), accessor, accessor.isAnnotationPresent(JsonUnwrapped.class));
        }

        @Nullable Object get(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
