package dev.crmkit.spring.boot;

import dev.crmkit.core.common.CrmException;
import dev.crmkit.core.common.TenantId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.DuplicateRules;
import dev.crmkit.core.sales.QuotePolicy;
import dev.crmkit.core.service.ServiceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * {@link CrmProperties} turned into the library's settings, each value checked by the library's own rules and a
 * breach reported under the property's name, so a start-up fails with "Invalid value 'cs!' for configuration property
 * 'crmkit.service.tracking-prefix'".
 */
final class CrmSettings {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_DISPATCH_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_LEASE_TERM = Duration.ofMinutes(2);
    static final Duration DEFAULT_MAX_OUTBOX_LAG = Duration.ofMinutes(15);

    private final CrmProperties properties;

    CrmSettings(CrmProperties properties) {
        this.properties = properties;
    }

    /** The settings given in properties (none when no group is set), each checked. */
    List<Object> all() {
        List<Object> settings = new ArrayList<>();
        if (properties.assignment() != null) {
            settings.add(assignment(properties.assignment()));
        }
        if (properties.service() != null) {
            settings.add(service(properties.service()));
        }
        if (properties.quotes() != null && properties.quotes().approvalThresholdPercent() != null) {
            settings.add(check("crmkit.quotes.approval-threshold-percent",
                    properties.quotes().approvalThresholdPercent(),
                    () -> new QuotePolicy(properties.quotes().approvalThresholdPercent())));
        }
        if (properties.duplicates() != null) {
            settings.add(duplicates(properties.duplicates()));
        }
        return settings;
    }

    List<TenantId> tenants() {
        List<String> names = properties.tenants();
        if (names == null || names.isEmpty()) {
            return List.of(TenantId.DEFAULT);
        }
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            tenants.add(check("crmkit.tenants[" + i + "]", name, () -> TenantId.of(name)));
        }
        return tenants;
    }

    boolean schedulingEnabled() {
        return properties.scheduling() == null || properties.scheduling().enabled() == null
                || properties.scheduling().enabled();
    }

    Duration interval() {
        return positive("crmkit.scheduling.interval",
                properties.scheduling() == null ? null : properties.scheduling().interval(), DEFAULT_INTERVAL);
    }

    Duration dispatchInterval() {
        return positive("crmkit.scheduling.dispatch-interval",
                properties.scheduling() == null ? null : properties.scheduling().dispatchInterval(),
                DEFAULT_DISPATCH_INTERVAL);
    }

    Duration leaseTerm() {
        Duration term = positive("crmkit.scheduling.lease-term",
                properties.scheduling() == null ? null : properties.scheduling().leaseTerm(), DEFAULT_LEASE_TERM);
        // The holder renews at every run: a term shorter than the gap between runs would hand the work around.
        if (term.compareTo(interval()) <= 0 || term.compareTo(dispatchInterval()) <= 0) {
            throw new InvalidConfigurationPropertyValueException("crmkit.scheduling.lease-term", term,
                    "must be longer than crmkit.scheduling.interval and dispatch-interval");
        }
        return term;
    }

    Duration maxOutboxLag() {
        return positive("crmkit.health.max-outbox-lag",
                properties.health() == null ? null : properties.health().maxOutboxLag(), DEFAULT_MAX_OUTBOX_LAG);
    }

    private static Duration positive(String property, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationPropertyValueException(property, value, "must be positive");
        }
        return value;
    }

    private static AssignmentRules assignment(CrmProperties.Assignment a) {
        AssignmentRules rules = a.defaultTeam() == null ? AssignmentRules.none()
                : AssignmentRules.roundRobin(team("crmkit.assignment.default-team", a.defaultTeam()));
        List<CrmProperties.Territory> territories = a.territories() == null ? List.of() : a.territories();
        for (int i = 0; i < territories.size(); i++) {
            CrmProperties.Territory t = territories.get(i);
            String property = "crmkit.assignment.territories[" + i + "]";
            if (t.country() == null || !t.country().matches("[A-Za-z]{2}")) {
                throw new InvalidConfigurationPropertyValueException(property + ".country", t.country(),
                        "must be an ISO 3166 alpha-2 country code");
            }
            if (t.team() == null) {
                throw new InvalidConfigurationPropertyValueException(property + ".team", null, "must be set");
            }
            rules = rules.withTerritory(t.country(), t.region(), team(property + ".team", t.team()));
        }
        return rules;
    }

    private static AssignmentRules.Team team(String property, CrmProperties.Team team) {
        List<String> names = team.members() == null ? List.of() : team.members();
        if (names.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(property + ".members", names, "must name a user");
        }
        List<UserId> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            members.add(check(property + ".members[" + i + "]", name, () -> UserId.of(name)));
        }
        return check(property + ".name", team.name(), () -> new AssignmentRules.Team(team.name(), members));
    }

    private static ServiceSettings service(CrmProperties.Service s) {
        ServiceSettings settings = ServiceSettings.defaults();
        if (s.trackingPrefix() != null) {
            ServiceSettings base = settings;
            settings = check("crmkit.service.tracking-prefix", s.trackingPrefix(),
                    () -> base.withTrackingPrefix(s.trackingPrefix()));
        }
        if (s.reopenWindow() != null) {
            ServiceSettings base = settings;
            settings = check("crmkit.service.reopen-window", s.reopenWindow(),
                    () -> base.withReopenWindow(s.reopenWindow()));
        }
        if (s.recentItems() != null) {
            ServiceSettings base = settings;
            settings = check("crmkit.service.recent-items", s.recentItems(), () -> new ServiceSettings(
                    base.trackingPrefix(), base.reopenWindow(), base.managers(), base.defaultManager(),
                    s.recentItems()));
        }
        Map<UserId, UserId> managers = new LinkedHashMap<>();
        if (s.managers() != null) {
            s.managers().forEach((user, manager) -> managers.put(
                    check("crmkit.service.managers", user, () -> UserId.of(user)),
                    check("crmkit.service.managers." + user, manager, () -> UserId.of(manager))));
        }
        UserId defaultManager = s.defaultManager() == null ? null
                : check("crmkit.service.default-manager", s.defaultManager(), () -> UserId.of(s.defaultManager()));
        return settings.withManagers(managers, defaultManager);
    }

    private static DuplicateRules duplicates(CrmProperties.Duplicates d) {
        DuplicateRules defaults = DuplicateRules.defaults();
        double possible = d.possible() != null ? d.possible() : defaults.possible();
        double almostCertain = d.almostCertain() != null ? d.almostCertain() : defaults.almostCertain();
        if (!Double.isFinite(possible)) {
            throw new InvalidConfigurationPropertyValueException("crmkit.duplicates.possible", possible,
                    "must be a finite number");
        }
        return check("crmkit.duplicates.almost-certain", almostCertain,
                () -> defaults.withThresholds(possible, almostCertain));
    }

    /** Builds a setting, reporting the library's refusal of it as an invalid value of {@code property}. */
    private static <T> T check(String property, Object value, Supplier<T> build) {
        try {
            return build.get();
        } catch (CrmException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
        }
    }
}
