package dev.crmkit.core.service;

import dev.crmkit.core.common.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of service tracking, given with {@code Crm.builder().with(settings)}.
 *
 * @param trackingPrefix start of every tracking number, e.g. {@code CS} for {@code CS-2026-000123}
 * @param reopenWindow how long after its resolution a case may be reopened
 * @param managers each user's manager, alerted when that user's case escalates
 * @param defaultManager alerted for owners without a manager in {@code managers}; may be null
 * @param recentItems how many purchases and interactions the agent's customer view shows
 */
public record ServiceSettings(String trackingPrefix, Duration reopenWindow, Map<UserId, UserId> managers,
                              @Nullable UserId defaultManager, int recentItems) {
    public ServiceSettings {
        Objects.requireNonNull(trackingPrefix, "trackingPrefix");
        Objects.requireNonNull(reopenWindow, "reopenWindow");
        if (!trackingPrefix.matches("[A-Z][A-Z0-9]{0,9}")) {
            throw new IllegalArgumentException("trackingPrefix must be 1-10 upper-case letters or digits");
        }
        if (reopenWindow.isNegative() || recentItems < 1) {
            throw new IllegalArgumentException("reopenWindow must not be negative and recentItems positive");
        }
        managers = managers == null ? Map.of() : Map.copyOf(managers);
    }

    /** Prefix {@code CS}, reopen within 14 days, no managers, 10 recent items. */
    public static ServiceSettings defaults() {
        return new ServiceSettings("CS", Duration.ofDays(14), Map.of(), null, 10);
    }

    public ServiceSettings withManagers(Map<UserId, UserId> managers, UserId defaultManager) {
        return new ServiceSettings(trackingPrefix, reopenWindow, managers, defaultManager, recentItems);
    }

    public ServiceSettings withReopenWindow(Duration window) {
        return new ServiceSettings(trackingPrefix, window, managers, defaultManager, recentItems);
    }

    public ServiceSettings withTrackingPrefix(String prefix) {
        return new ServiceSettings(prefix, reopenWindow, managers, defaultManager, recentItems);
    }

    /** The manager to alert about {@code owner}'s case: theirs, else the default (null when neither is set). */
    public @Nullable UserId managerOf(UserId owner) {
        UserId m = owner == null ? null : managers.get(owner);
        return m != null ? m : defaultManager;
    }
}
