package dev.crmkit.core.nurture;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a nurture sequence does: its steps, the first one first. Every step is reachable from the first, every path
 * ends at an {@code End} step, and no path comes back to a step (no cycles). Build one from JSON with
 * {@link #fromJson}, which checks all of that; {@link #toJson} writes what {@link #fromJson} reads.
 */
public record SequenceDefinition(String name, List<SequenceStep> steps) {
    /** The longest name, step id or task title, in characters. */
    public static final int MAX_TEXT = 200;

    public SequenceDefinition {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
    }

    /**
     * Reads and validates a sequence. Malformed JSON, a step missing a parameter, a step leading to a step that does
     * not exist, a cycle or an unreachable step is a {@link dev.crmkit.core.common.ValidationException} naming every
     * bad path (e.g. {@code steps[2].next}).
     */
    public static SequenceDefinition fromJson(String json) {
        return SequenceJson.read(json);
    }

    /** This sequence as JSON. */
    public String toJson() {
        return SequenceJson.write(this);
    }

    /** The first step. */
    public SequenceStep first() {
        return steps.get(0);
    }

    /** The step named {@code id}. */
    public Optional<SequenceStep> step(@Nullable String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
