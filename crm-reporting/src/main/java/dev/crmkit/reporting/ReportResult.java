package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crmkit.core.common.EntityId;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report returned: its rows in order, with the column names, the window it covered and display labels
 * (e.g. ad names for ad ids; a key without a label is shown as itself). Immutable.
 *
 * @param measures the measure names, in the order of {@link ReportRow#values()}
 * @param labels   per dimension, a display name for some keys
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReportResult(String name, FactSource source, TimeWindow window, List<Dimension> dimensions,
                           List<String> measures, List<ReportRow> rows, Map<Dimension, Map<String, String>> labels) {
    public ReportResult {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        rows = List.copyOf(rows);
        Map<Dimension, Map<String, String>> copy = new EnumMap<>(Dimension.class);
        (labels == null ? Map.<Dimension, Map<String, String>>of() : labels).forEach((d, m) -> copy.put(d, Map.copyOf(m)));
        labels = java.util.Collections.unmodifiableMap(copy);
    }

    /** This result with {@code more} labels. */
    public ReportResult withLabels(Map<Dimension, Map<String, String>> more) {
        Map<Dimension, Map<String, String>> all = new EnumMap<>(Dimension.class);
        all.putAll(labels);
        all.putAll(more);
        return new ReportResult(name, source, window, dimensions, measures, rows, all);
    }

    /** The label of {@code key} of {@code dimension}, or the key itself. */
    public String label(Dimension dimension, String key) {
        if (key == null) {
            return null;
        }
        return labels.getOrDefault(dimension, Map.of()).getOrDefault(key, key);
    }

    /**
     * The row whose keys are {@code keys}, one per dimension in {@link #dimensions()} order: the key's text, an id
     * ({@link EntityId}, whose key is its UUID) or null for "none"; empty when the report has no such row.
     */
    public Optional<ReportRow> row(Object... keys) {
        if (keys.length != dimensions.size()) {
            throw new IllegalArgumentException("give " + dimensions.size() + " keys, one per dimension " + dimensions);
        }
        List<String> wanted = Arrays.stream(keys)
                .map(k -> k == null ? null : k instanceof EntityId id ? id.value().toString() : k.toString())
                .toList();
        return rows.stream().filter(r -> r.keys().equals(wanted)).findFirst();
    }

    /** The value of measure {@code measure} in row {@code row}. */
    public BigDecimal value(int row, String measure) {
        int i = measures.indexOf(measure);
        if (i < 0) {
            throw new IllegalArgumentException("no measure " + measure);
        }
        return rows.get(row).value(i);
    }
}
