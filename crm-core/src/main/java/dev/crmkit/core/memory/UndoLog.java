package dev.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;

/** What a write transaction changed, as actions that put it back; run in reverse when the transaction fails. */
final class UndoLog {
    private final List<Runnable> actions = new ArrayList<>();

    void add(Runnable undo) {
        actions.add(undo);
    }

    /** The changes stay; forget how to undo them. */
    void commit() {
        actions.clear();
    }

    void rollback() {
        for (int i = actions.size() - 1; i >= 0; i--) {
            actions.get(i).run();
        }
        actions.clear();
    }
}
