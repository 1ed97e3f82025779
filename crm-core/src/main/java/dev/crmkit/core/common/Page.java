package dev.crmkit.core.common;

import java.util.List;
import java.util.function.Function;

/** One page of results plus the total number of matches. */
public record Page<T>(List<T> items, PageRequest request, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), request, total);
    }

    /** Cuts a page out of an already sorted full list: for adapters that query in memory. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request, all.size());
    }
}
