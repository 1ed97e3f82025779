package dev.crmkit.core.contract;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.contract.HostileCatalog.Write;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.storage.Storage;
import dev.crmkit.core.testkit.MutableClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Runs {@link HostileCatalog} on one storage: every value of every write, each write in a tenant of its own (or each
 * value, for writes that must not see earlier values). Records every input's {@link Outcome}, checks the property
 * (refused naming exactly the field with the footprint unchanged, or stored and read back as normalised), and after
 * each tenant checks that its reads still work.
 */
public final class HostileRun {
    /** What one input did, comparable across adapters. */
    public record Outcome(String kind, String detail) {
        static Outcome refused(Set<String> fields) {
            return new Outcome("refused", String.join(",", fields));
        }

        static Outcome stored(Object readBack) {
            return new Outcome("stored", show(readBack));
        }

        static Outcome failed(Throwable e) {
            return new Outcome("failed", e.getClass().getSimpleName() + ": " + show(e.getMessage()));
        }

        @Override
        public String toString() {
            return kind + " " + detail;
        }
    }

    /** Outcomes by input ({@code write name #index}), in catalog order. */
    public final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    /** The inputs shown for people: the value given, escaped. */
    public final Map<String, String> shown = new LinkedHashMap<>();
    /** Every breach of the property, one line each. */
    public final List<String> violations = new ArrayList<>();
    /** Tenants whose reads were checked after their inputs. */
    public int tenantsRead;

    private final Storage storage;
    private final MutableClock clock = new MutableClock(ContractSupport.START);

    private HostileRun(Storage storage) {
        this.storage = storage;
    }

    /** Runs every write of {@code catalog} on {@code storage}. */
    public static HostileRun of(Storage storage, List<Write> catalog) {
        HostileRun run = new HostileRun(storage);
        for (Write w : catalog) {
            run.run(w);
        }
        return run;
    }

    public int inputs() {
        return outcomes.size();
    }

    private HostileFixture tenant() {
        TenantId tenant = TenantId.of("h-" + UUID.randomUUID().toString().substring(0, 18));
        Actor actor = new Actor(tenant, UserId.of("rep-1"), Set.of(Actor.MANAGER, Actor.ADMIN));
        return new HostileFixture(Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(actor).build());
    }

    private void run(Write w) {
        List<?> values = w.values();
        HostileFixture fx = w.freshTenant() ? null : tenant();
        for (int i = 0; i < values.size(); i++) {
            HostileFixture here = fx == null ? tenant() : fx;
            boolean stored = input(w, i, values.get(i), here);
            if (fx == null && stored) {
                readAfterwards(w, here);
            }
        }
        if (fx != null) {
            readAfterwards(w, fx);
        }
    }

    /** One input; returns whether it stored something. */
    private boolean input(Write w, int index, Object value, HostileFixture fx) {
        String key = w.name() + " #" + index;
        shown.put(key, show(value));
        Object target;
        Object before;
        try {
            target = w.prepare().run(fx);
            before = w.footprint().run(fx, target);
        } catch (RuntimeException e) {
            outcomes.put(key, Outcome.failed(e));
            violations.add(key + " " + show(value) + ": preparing failed: " + e);
            return false;
        }
        Object handle;
        try {
            handle = w.perform().run(fx, target, value);
        } catch (ValidationException e) {
            Set<String> fields = new TreeSet<>();
            e.errors().stream().map(FieldError::field).forEach(fields::add);
            outcomes.put(key, Outcome.refused(fields));
            if (!fields.equals(Set.of(w.field()))) {
                violations.add(key + " " + show(value) + ": refused naming " + fields + ", expected [" + w.field()
                        + "]: " + e.getMessage());
            }
            try {
                Object after = w.footprint().run(fx, target);
                if (!Objects.equals(before, after)) {
                    violations.add(key + " " + show(value) + ": refused but stored something (" + before + " -> "
                            + after + ")");
                }
            } catch (RuntimeException r) {
                violations.add(key + " " + show(value) + ": reading after the refusal failed: " + r);
            }
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            outcomes.put(key, Outcome.failed(e));
            violations.add(key + " " + show(value) + ": threw " + e);
            return false;
        }
        try {
            Object readBack = w.read().run(fx, target, handle);
            outcomes.put(key, Outcome.stored(readBack));
            Object expected = expected(w, value);
            if (!Objects.equals(expected, readBack)) {
                violations.add(key + " " + show(value) + ": stored, read back " + show(readBack) + ", expected "
                        + show(expected));
            }
        } catch (RuntimeException e) {
            outcomes.put(key, Outcome.failed(e));
            violations.add(key + " " + show(value) + ": stored, reading it back threw " + e);
        }
        return true;
    }

    private static Object expected(Write w, Object value) {
        try {
            return w.normalise().apply(value);
        } catch (RuntimeException e) {
            return "(no normal form: " + e.getClass().getSimpleName() + ")";
        }
    }

    private void readAfterwards(Write w, HostileFixture fx) {
        tenantsRead++;
        try {
            fx.readEverything();
        } catch (RuntimeException e) {
            violations.add(w.name() + ": later reads of the tenant failed: " + e);
        }
    }

    /** {@code value} for a report line: control, format and non-ASCII characters escaped, long text cut. */
    public static String show(Object value) {
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        StringBuilder b = new StringBuilder("\"");
        int shown = Math.min(s.length(), 40);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        b.append('"');
        if (shown < s.length()) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.toString();
    }

    /** The keys of {@code a} whose outcome differs in {@code b}, with both outcomes; sorted by catalog order. */
    public static List<String> disagreements(HostileRun a, HostileRun b, String nameA, String nameB) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Outcome> e : a.outcomes.entrySet()) {
            Outcome other = b.outcomes.get(e.getKey());
            if (!e.getValue().equals(other)) {
                out.add(e.getKey() + " " + a.shown.get(e.getKey()) + ": " + nameA + " " + e.getValue() + ", "
                        + nameB + " " + other);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
