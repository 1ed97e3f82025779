package dev.crmkit.jpa;

import dev.crmkit.core.common.StorageException;
import dev.crmkit.core.spi.HostTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JTA transactions for {@link JpaStorage#create(javax.sql.DataSource, HostTransactions)}: CRMKit work joins the JTA
 * transaction of the calling thread (give the storage the container's enlisting data source), and events are
 * published after it committed. Needs {@code jakarta.transaction-api} (an optional dependency of this module); the
 * registry is the container's {@code java:comp/TransactionSynchronizationRegistry}.
 */
public final class JtaTransactions implements HostTransactions {
    /** The key of this adapter's callbacks among the transaction's resources. */
    private static final Object COMPLETIONS = JtaTransactions.class.getName() + ".completions";

    private final TransactionSynchronizationRegistry registry;

    private JtaTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    public static JtaTransactions of(TransactionSynchronizationRegistry registry) {
        return new JtaTransactions(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public boolean active() {
        // After completion the status is COMMITTED or ROLLEDBACK, so callbacks that write start transactions of their own.
        return registry.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    @Override
    public void onCompletion(Consumer<Boolean> completion) {
        @SuppressWarnings("unchecked")
        List<Consumer<Boolean>> completions = (List<Consumer<Boolean>>) registry.getResource(COMPLETIONS);
        if (completions != null) {
            completions.add(completion);
            return;
        }
        // One synchronization per transaction running the callbacks in order: managers may call interposed
        // synchronizations in any order (Atomikos: last registered first), and events must stay in commit order.
        List<Consumer<Boolean>> first = new ArrayList<>();
        first.add(completion);
        try {
            registry.putResource(COMPLETIONS, first);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    for (Consumer<Boolean> c : first) {
                        c.accept(status == Status.STATUS_COMMITTED);
                    }
                }
            });
        } catch (IllegalStateException e) {
            throw new StorageException("cannot follow the JTA transaction: " + e.getMessage(), e);
        }
    }
}
