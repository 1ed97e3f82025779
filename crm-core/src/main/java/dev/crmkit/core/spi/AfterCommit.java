package dev.crmkit.core.spi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For adapters: runs the {@link Tx#afterCommit} actions of a committed write. */
public final class AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /**
     * Runs {@code actions} in order, outside the finished transaction so an action may read or write again. A failing
     * action is logged and the others still run: the data is committed either way.
     */
    public static void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an after-commit action failed; the write is committed", e);
            }
        }
    }
}
