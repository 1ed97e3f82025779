package dev.crmkit.core.context;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.spi.Tx;

/**
 * Sees each write transaction before the work does: {@code Crm} hands its {@link CrmContext} the audit trail, which
 * records what the work's saves change. Hosts never implement it.
 */
public interface WriteDecorator {
    /** Hands the work its transaction unchanged. */
    WriteDecorator NONE = new WriteDecorator() {
        @Override
        public <X extends Tx> X decorate(X tx, Actor actor, Object work) {
            return tx;
        }
    };

    /**
     * {@code tx} as {@code work} (the function a service handed {@link CrmContext#write}), running in one write
     * transaction for {@code actor}, sees it.
     */
    <X extends Tx> X decorate(X tx, Actor actor, Object work);
}
