package dev.crmkit.core.task;

import java.util.ArrayList;
import java.util.List;

/** A {@link Notifier} that keeps every alert in memory, for tests and examples; thread-safe. */
public final class RecordingNotifier implements Notifier {
    private final List<Alert> alerts = new ArrayList<>();

    /** A recorder that has recorded nothing yet. */
    public RecordingNotifier() {
    }

    @Override
    public synchronized void notify(Alert alert) {
        alerts.add(alert);
    }

    /** The alerts sent so far, oldest first. */
    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
