package dev.crmkit.jpa;

import java.util.Comparator;
import java.util.List;

/**
 * Re-sorts a query result into the in-memory adapter's order. Its comparators break ties (same close date, same
 * creation time) and order teams by id with {@link java.util.UUID#compareTo}, which compares the halves as signed
 * longs; H2, PostgreSQL and MariaDB order UUID columns as unsigned bytes. The SQL still orders by the index, so the
 * list arrives nearly sorted and this pass is cheap.
 */
final class MemoryOrder {
    private MemoryOrder() {
    }

    static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
        return rows.size() < 2 ? rows : rows.stream().sorted(order).toList();
    }
}
