package dev.crmkit.reporting;

import java.util.Objects;

/**
 * Sorts result rows by a measure (its name) or a dimension (its enum name). Nulls sort last either way; rows that
 * tie on every order are sorted by their dimension keys, so results are deterministic.
 */
public record Order(String by, boolean descending) {
    public Order {
        Objects.requireNonNull(by, "by");
    }

    public static Order asc(String by) {
        return new Order(by, false);
    }

    public static Order desc(String by) {
        return new Order(by, true);
    }

    public static Order asc(Dimension by) {
        return new Order(by.name(), false);
    }

    public static Order desc(Dimension by) {
        return new Order(by.name(), true);
    }
}
