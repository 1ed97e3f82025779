package dev.crmkit.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the facts whose {@code dimension} key is one of {@code values} (or, with {@code exclude}, none of them).
 * Keys are written as {@link Dimension} describes; a {@code null} among the values matches facts without a value.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Filter(Dimension dimension, List<String> values, boolean exclude) {
    public Filter {
        Objects.requireNonNull(dimension, "dimension");
        // Collections.unmodifiableList rather than List.copyOf: null is a legitimate value ("no value").
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Facts whose key is one of {@code values}. */
    public static Filter in(Dimension dimension, String... values) {
        return new Filter(dimension, Arrays.asList(values), false);
    }

    /** Facts whose key is none of {@code values}. */
    public static Filter notIn(Dimension dimension, String... values) {
        return new Filter(dimension, Arrays.asList(values), true);
    }

    /** Whether a fact with {@code key} passes. */
    public boolean accepts(String key) {
        return values.contains(key) != exclude;
    }
}
