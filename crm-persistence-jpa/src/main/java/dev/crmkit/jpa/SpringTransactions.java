package dev.crmkit.jpa;

import dev.crmkit.core.spi.HostTransactions;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions for {@link JpaStorage#create(javax.sql.DataSource, HostTransactions)}: CRMKit work joins
 * the transaction a Spring transaction manager runs on the thread (give the storage a
 * {@code TransactionAwareDataSourceProxy} over the manager's data source), and events are published after Spring
 * committed. Needs {@code spring-tx} on the class path (an optional dependency of this module).
 */
public final class SpringTransactions implements HostTransactions {
    /**
     * True while CRMKit's completion callbacks run: Spring still reports the finished transaction as active then, and
     * work those callbacks start (listeners that write) must run in transactions of their own.
     */
    private static final ThreadLocal<Boolean> COMPLETING = new ThreadLocal<>();

    private SpringTransactions() {
    }

    public static SpringTransactions create() {
        return new SpringTransactions();
    }

    @Override
    public boolean active() {
        return COMPLETING.get() == null && TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    @Override
    public void onCompletion(Consumer<Boolean> completion) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                COMPLETING.set(Boolean.TRUE);
                try {
                    completion.accept(status == STATUS_COMMITTED);
                } finally {
                    COMPLETING.remove();
                }
            }
        });
    }
}
