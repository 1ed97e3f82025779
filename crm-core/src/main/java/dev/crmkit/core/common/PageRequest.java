package dev.crmkit.core.common;

/** Which page of a result to return: zero-based page number and page size (1..1000). */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (page < 0) {
            throw new ValidationException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    public long offset() {
        return (long) page * size;
    }

    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }
}
