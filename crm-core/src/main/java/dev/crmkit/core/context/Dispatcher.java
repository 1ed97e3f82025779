package dev.crmkit.core.context;

import dev.crmkit.core.common.ValidationException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in dispatcher: one daemon thread that runs {@link EventHub#dispatchDue} every poll interval and right
 * after a local write stored events, so subscribers hear of a commit within milliseconds without busy polling.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final EventHub hub;
    private final Duration pollEvery;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    Dispatcher(EventHub hub, Duration pollEvery) {
        if (pollEvery == null || pollEvery.isNegative() || pollEvery.isZero()) {
            throw new ValidationException("pollEvery", "must be positive");
        }
        this.hub = hub;
        this.pollEvery = pollEvery;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crmkit-event-dispatcher");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(this::run, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a run soon; many wakes before it starts make one run. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakeQueued.set(false);
                    run();
                });
            } catch (RejectedExecutionException closed) {
                wakeQueued.set(false);
            }
        }
    }

    private void run() {
        try {
            hub.dispatchDue();
        } catch (RuntimeException e) {
            // The next poll tries again: the outbox still holds every undelivered entry.
            LOG.warn("event dispatch failed; retrying at the next poll", e);
        }
    }

    void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
