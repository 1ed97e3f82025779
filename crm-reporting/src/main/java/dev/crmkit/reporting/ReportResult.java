package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** The value of measure {@code measure} in row {@code row}. */
    public BigDecimal value(int row, String measure) {
        int i = measures.indexOf(measure);
        if (i < 0) {
            throw new IllegalArgumentException("no measure " + measure);
        }
        return rows.get(row).value(i);
    }
}
