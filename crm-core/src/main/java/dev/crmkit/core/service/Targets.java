package dev.crmkit.core.service;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The service-level targets a case runs against and when the first reply came.
 *
 * @param contract         the service contract that covered the case when it was opened; null flags a case without one
 * @param firstResponseDue when the first reply to the customer is due (null without a contract)
 * @param resolutionDue    when the case must be resolved (null without a contract)
 * @param firstRespondedAt when the customer first heard back (a reply, or the case leaving NEW)
 */
public record Targets(@Nullable ServiceContractId contract, @Nullable Instant firstResponseDue,
                      @Nullable Instant resolutionDue, @Nullable Instant firstRespondedAt) {
    public static final Targets NONE = new Targets(null, null, null, null);

    /** The due time of {@code kind}; a case is escalated only for a target it has. */
    public Instant due(EscalationKind kind) {
        Instant due = kind == EscalationKind.FIRST_RESPONSE ? firstResponseDue : resolutionDue;
        if (due == null) {
            throw new IllegalStateException("no " + kind + " target");
        }
        return due;
    }
}
