package dev.crmkit.core.common;

import org.jspecify.annotations.Nullable;

/** A status change the record's state machine does not allow. */
public class IllegalTransitionException extends CrmException {
    private final String from;
    private final String to;

    public IllegalTransitionException(String kind, Enum<?> from, Enum<?> to) {
        this(kind, from, to, null);
    }

    /** With {@code why} (may be null) saying which rule beyond the state machine forbids the step. */
    public IllegalTransitionException(String kind, Enum<?> from, Enum<?> to, @Nullable String why) {
        super(kind + " cannot move from " + from + " to " + to + (why == null ? "" : ": " + why));
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
