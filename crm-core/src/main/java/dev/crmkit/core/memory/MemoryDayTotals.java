package dev.crmkit.core.memory;

import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointDayTotal;
import java.time.LocalDate;
import java.util.Arrays;
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
    private final NavigableMap<LocalDate, Day> days = new TreeMap<>();
    /**
     * One instance per distinct day, id and currency, which every total holding it shares: a report reading many
     * totals finds their keys in a few cached objects instead of chasing a pointer per total to copies of them.
     */
    private final Map<Object, Object> canonical = new HashMap<>();

    /**
     * A day's totals side by side in an array, found by key through a map of their positions: a report walks the
     * array (one pointer per total), where walking a map's values would chase an entry and then the total.
     */
    private static final class Day {
        private final Map<TouchpointDayTotal.Key, Integer> positions = new HashMap<>();
        private TouchpointDayTotal[] totals = new TouchpointDayTotal[16];
        private int size;

        void add(TouchpointDayTotal.Key key, TouchpointDayTotal total) {
            Integer at = positions.get(key);
            if (at != null) {
                totals[at] = totals[at].plus(total);
                return;
            }
            if (size == totals.length) {
                totals = Arrays.copyOf(totals, size * 2);
            }
            positions.put(key, size);
            totals[size++] = total;
        }

        void subtract(TouchpointDayTotal.Key key, TouchpointDayTotal total) {
            Integer at = positions.get(key);
            if (at == null) {
                return;
            }
            TouchpointDayTotal left = totals[at].minus(total);
            if (left != null) {
                totals[at] = left;
                return;
            }
            positions.remove(key);
            TouchpointDayTotal last = totals[--size];
            totals[size] = null;
            if (at < size) { // the last total takes the place of the one that is gone
                totals[at] = last;
                positions.put(last.key(), at);
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        void forEach(Consumer<? super TouchpointDayTotal> visitor) {
            for (int i = 0; i < size; i++) {
                visitor.accept(totals[i]);
            }
        }
    }

    /** Adds {@code inserted}; the undo log takes them back out if the transaction fails. */
    void add(Collection<Touchpoint> inserted, UndoLog undo) {
        if (inserted.isEmpty()) {
            return;
        }
        Map<TouchpointDayTotal.Key, TouchpointDayTotal> batch = TouchpointDayTotal.of(inserted);
        batch.forEach((key, total) -> days.computeIfAbsent(key.day(), d -> new Day()).add(key, shared(total)));
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
        Day day = days.get(key.day());
        if (day == null) {
            return;
        }
        day.subtract(key, total);
        if (day.isEmpty()) {
            days.remove(key.day());
        }
    }

    void forEach(@Nullable LocalDate from, @Nullable LocalDate to, Consumer<? super TouchpointDayTotal> visitor) {
        NavigableMap<LocalDate, Day> range = days;
        if (from != null) {
            range = range.tailMap(from, true);
        }
        if (to != null) {
            range = range.headMap(to, false);
        }
        range.values().forEach(day -> day.forEach(visitor));
    }
}
