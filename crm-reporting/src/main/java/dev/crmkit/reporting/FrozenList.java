package dev.crmkit.reporting;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A read-only view of an array that nothing else holds: results built here skip the defensive copies their public
 * constructors make of lists from elsewhere (a report can have tens of thousands of rows). Allows nulls.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final E[] elements;

    private FrozenList(E[] elements) {
        this.elements = elements;
    }

    /** Wraps {@code elements}, which the caller must not change or share afterwards. */
    static <E> FrozenList<E> of(E[] elements) {
        return new FrozenList<>(elements);
    }

    @Override
    public E get(int index) {
        return elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
