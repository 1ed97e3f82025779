package dev.crmkit.core.memory;

import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's touchpoint totals per UTC day (see {@link TouchpointDayTotal}), kept as touchpoints are inserted. Guarded
 * by the tenant's lock like its tables.
 */
final class MemoryDayTotals {
    private final NavigableMap<LocalDate, Map<TouchpointDayTotal.Key, TouchpointDayTotal>> days = new TreeMap<>();
    /**
     * One instance per distinct day, id and currency, which every total holding it shares: a report reading many
     * totals finds their keys in a few cached objects instead of chasing a pointer per total to copies of them.
     */
    private final Map<Object, Object> canonical = new HashMap<>();

    /** Adds {@code inserted}; the undo log takes them back out if the transaction fails. */
    void add(Collection<Touchpoint> inserted, UndoLog undo) {
        if (inserted.isEmpty()) {
            return;
        }
        Map<TouchpointDayTotal.Key, TouchpointDayTotal> batch = TouchpointDayTotal.of(inserted);
        batch.forEach((key, total) -> days.computeIfAbsent(key.day(), d -> new HashMap<>())
                .merge(key, shared(total), TouchpointDayTotal::plus));
        undo.add(() -> batch.forEach(this::subtract));
    }

    private TouchpointDayTotal shared(TouchpointDayTotal t) {
        LocalDate day = (LocalDate) canonical.computeIfAbsent(t.day(), v -> v);
        return new TouchpointDayTotal(day, t.kind(), one(t.campaign()), one(t.ad()), one(t.affiliate()), t.channel(),
                one(t.rep()), one(t.currency()), t.touchpoints(), t.count(), t.value(), t.seconds(), t.timed());
    }

    @SuppressWarnings("unchecked")
    private <T> @Nullable T one(@Nullable T value) {
        return value == null ? null : (T) canonical.computeIfAbsent(value, v -> v);
    }

    private void subtract(TouchpointDayTotal.Key key, TouchpointDayTotal total) {
        Map<TouchpointDayTotal.Key, TouchpointDayTotal> day = days.get(key.day());
        if (day == null) {
            return;
        }
        day.computeIfPresent(key, (k, kept) -> kept.minus(total));
        if (day.isEmpty()) {
            days.remove(key.day());
        }
    }

    void forEach(@Nullable LocalDate from, @Nullable LocalDate to, Consumer<? super TouchpointDayTotal> visitor) {
        NavigableMap<LocalDate, Map<TouchpointDayTotal.Key, TouchpointDayTotal>> range = days;
        if (from != null) {
            range = range.tailMap(from, true);
        }
        if (to != null) {
            range = range.headMap(to, false);
        }
        range.values().forEach(day -> day.values().forEach(visitor));
    }
}
