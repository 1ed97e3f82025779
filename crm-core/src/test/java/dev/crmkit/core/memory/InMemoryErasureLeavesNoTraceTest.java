package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.contract.PersonOnRecord;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.testkit.EventRecorder;
import dev.crmkit.core.testkit.MutableClock;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The in-memory storage's side of the erasure search the JPA adapter runs over every table: every string and byte
 * reachable from the storage (its tables, indexes, outbox, document bytes) is searched for the erased person's email,
 * phone and name, and none holds them; the same search finds another person held the same way.
 */
class InMemoryErasureLeavesNoTraceTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void nothingReachableFromTheStorageHoldsTheEmailPhoneOrNameOfAnErasedPerson() throws Exception {
        InMemoryStorage storage = InMemoryStorage.create();
        MutableClock clock = new MutableClock(NOW);
        Actor admin = new Actor(TenantId.of("erasure"), UserId.of("dpo"), Set.of(Actor.ADMIN, Actor.MANAGER));
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(admin)
                .build();
        crm.events().register(new EventRecorder("mirror", admin.tenant()));
        Crm.Builder withMail = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(admin);
        for (Object setting : PersonOnRecord.mailSettings()) {
            withMail.with(setting);
        }
        Crm mail = withMail.build();
        PersonOnRecord gone = PersonOnRecord.create(crm, mail, NOW);
        PersonOnRecord stays = PersonOnRecord.create(crm, mail, NOW);
        assertThat(holding(storage, gone.traces())).as("where the person was held").hasSizeGreaterThanOrEqualTo(4);

        crm.personalData().erase(gone.contact);

        assertThat(holding(storage, gone.traces())).as("values still holding the erased person's data").isEmpty();
        assertThat(holding(storage, stays.traces())).as("another person is still held").isNotEmpty();
    }

    /** The traces found, each with the class of the object whose field held it. */
    private static Set<String> holding(Object root, List<String> traces) throws IllegalAccessException {
        Set<String> found = new TreeSet<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, "storage"});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            Object value = next[0];
            String holder = (String) next[1];
            if (value == null || !seen.add(value)) {
                continue;
            }
            String text = value instanceof String s ? s
                    : value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                    : value instanceof char[] c ? new String(c) : null;
            if (text != null) {
                for (String trace : traces) {
                    if (text.toLowerCase(Locale.ROOT).contains(trace.toLowerCase(Locale.ROOT))) {
                        found.add(holder + " (" + trace + ")");
                    }
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    todo.push(new Object[] {k, holder});
                    todo.push(new Object[] {v, holder});
                });
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> todo.push(new Object[] {item, holder}));
            } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    todo.push(new Object[] {Array.get(value, i), holder});
                }
            } else if (value.getClass().getName().startsWith("dev.crmkit.") && !(value instanceof Enum<?>)) {
                for (Class<?> type = value.getClass(); type != null && type.getName().startsWith("dev.crmkit.");
                     type = type.getSuperclass()) {
                    for (Field f : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                            f.setAccessible(true);
                            todo.push(new Object[] {f.get(value), type.getSimpleName() + "." + f.getName()});
                        }
                    }
                }
            }
        }
        return found;
    }
}
