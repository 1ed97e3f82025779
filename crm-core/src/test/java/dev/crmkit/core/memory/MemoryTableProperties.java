package dev.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.LeadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MemoryTableProperties {
    /** A row with the keys an index gives it. */
    record Row(LeadId id, long version, Set<String> keys) {
    }

    /**
     * Whatever rows are stored, changed, removed or rolled back, an index gives every key's ids in the order they
     * were (last) indexed, as a map of linked hash sets (the simple reference) does: one id held alone, a few in an
     * array, many in a set.
     */
    @Property
    void anIndexHoldsTheIdsOfEachKeyInTheOrderTheyCameAsTheReferenceDoes(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 9999) Integer> steps) {
        MemoryTable<LeadId, Row> table = new MemoryTable<>("Row", Row::id,
                List.of(new MemoryTable.IndexSpec<>("k", Row::keys, false)));
        Map<LeadId, Row> rows = new LinkedHashMap<>();
        Map<String, LinkedHashSet<LeadId>> reference = new HashMap<>();
        for (int step : steps) {
            LeadId id = LeadId.of(new UUID(0, step % 60)); // few rows, so they are written again
            Set<String> keys = new LinkedHashSet<>();
            for (int k = 0; k < 1 + step / 60 % 4; k++) {
                keys.add("key" + (step / 240 + k * 7) % 12); // few keys, so blocks grow past the array
            }
            Row previous = rows.get(id);
            UndoLog undo = new UndoLog();
            if (previous != null && step % 5 == 0) {
                table.remove(id, previous.version(), Row::version, undo);
                rows.remove(id);
                previous.keys().forEach(k -> reference.get(k).remove(id));
            } else {
                Row row = new Row(id, previous == null ? 0 : previous.version() + 1, keys);
                table.put(row, previous == null ? null : previous.version(), Row::version, undo);
                if (step % 7 == 0) {
                    undo.rollback(); // as a failed transaction: the previous row is indexed again, last
                    if (previous != null) {
                        previous.keys().forEach(k -> {
                            reference.get(k).remove(id);
                            reference.get(k).add(id);
                        });
                    }
                    continue;
                }
                if (previous != null) {
                    previous.keys().forEach(k -> reference.get(k).remove(id));
                }
                rows.put(id, row);
                keys.forEach(k -> reference.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(id));
            }
            undo.commit();
        }
        for (int k = 0; k < 12; k++) {
            String key = "key" + k;
            assertThat(new ArrayList<>(table.ids("k", key)))
                    .containsExactlyElementsOf(reference.getOrDefault(key, new LinkedHashSet<>()));
        }
    }
}
