package dev.crmkit.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a result: the keys of the grouped dimensions and the values of the measures, in the definition's
 * order. A key is null for facts without a value; a value is null where {@link Measure} says so.
 */
public record ReportRow(List<String> keys, List<BigDecimal> values) {
    public ReportRow {
        keys = keys instanceof FrozenList<String> frozen ? frozen : Collections.unmodifiableList(new ArrayList<>(keys));
        values = values instanceof FrozenList<BigDecimal> frozen ? frozen
                : Collections.unmodifiableList(new ArrayList<>(values));
    }

    public String key(int dimension) {
        return keys.get(dimension);
    }

    public BigDecimal value(int measure) {
        return values.get(measure);
    }
}
