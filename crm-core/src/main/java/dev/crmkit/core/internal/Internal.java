package dev.crmkit.core.internal;

import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.storage.StorageTx;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Not API: what CRMKit's own modules (reporting) reach inside a {@code Crm} for, in a package hosts should not use
 * (jdbi's {@code internal} convention; a module descriptor will export it to CRMKit's modules only). The facade
 * grants access when its class initializes, so the hook is set before any {@code Crm} exists.
 */
public final class Internal {
    private static volatile @Nullable Function<Object, CrmContext<StorageTx>> contexts;

    private Internal() {
    }

    /**
     * The context the facade's services are built on, acting for its actor: raw storage transactions, no validation,
     * no role checks. For services in other CRMKit modules, which take it as core services do.
     */
    public static CrmContext<StorageTx> context(Object crm) {
        Objects.requireNonNull(crm, "crm");
        Function<Object, CrmContext<StorageTx>> access = contexts;
        if (access == null) {
            throw new IllegalStateException("no Crm class initialized yet");
        }
        return access.apply(crm);
    }

    /** Called once, by the facade's class initializer. */
    public static void grant(Function<Object, CrmContext<StorageTx>> access) {
        if (contexts != null) {
            throw new IllegalStateException("access already granted");
        }
        contexts = Objects.requireNonNull(access, "access");
    }
}
