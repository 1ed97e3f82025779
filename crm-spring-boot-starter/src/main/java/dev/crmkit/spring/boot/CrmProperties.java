package dev.crmkit.spring.boot;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CRMKit's settings under {@code crmkit.*} in {@code application.yml}. Every group is optional; what is left out keeps
 * the library's default. A bad value fails the application's start naming the property.
 *
 * @param tenants tenants whose scheduled work (escalations, reminders, automation, held emails) runs; default the
 *                default tenant
 * @param scheduling when and whether scheduled work runs
 * @param assignment round-robin teams new leads are dealt to
 * @param service service-desk settings (tracking numbers, reopen window, managers alerted on escalations)
 * @param quotes quote approval
 * @param duplicates duplicate-matching thresholds
 * @param health what the health indicator reports as down
 */
@ConfigurationProperties("crmkit")
public record CrmProperties(List<String> tenants, Scheduling scheduling, Assignment assignment, Service service,
                            Quotes quotes, Duplicates duplicates, Health health) {

    /**
     * Scheduled work: run on one node of several sharing the database (a lease in the database decides which).
     *
     * @param enabled whether this application runs scheduled work at all (default true)
     * @param interval how often escalations, reminders, automation and held emails run (default 30 s)
     * @param dispatchInterval how often committed events go to durable subscribers (default 1 s)
     * @param leaseTerm how long a node holds the scheduler after its last run; another takes over when it lapses
     *                  (default 2 min)
     */
    public record Scheduling(Boolean enabled, Duration interval, Duration dispatchInterval, Duration leaseTerm) {
    }

    /**
     * Lead assignment: every new lead round-robin within {@code defaultTeam}, or a territory's team first.
     *
     * @param defaultTeam the team for leads no territory covers
     * @param territories teams for leads from a country (and region), tried in order
     */
    public record Assignment(Team defaultTeam, List<Territory> territories) {
    }

    /**
     * A team of reps that takes leads in turn.
     *
     * @param name the team's name
     * @param members the reps' user ids
     */
    public record Team(String name, List<String> members) {
    }

    /**
     * Leads from a country and, when given, a region.
     *
     * @param country ISO 3166 alpha-2 country code
     * @param region region within the country, or null for all of it
     * @param team the team taking these leads
     */
    public record Territory(String country, String region, Team team) {
    }

    /**
     * Service desk settings.
     *
     * @param trackingPrefix start of every tracking number ({@code CS} in {@code CS-2026-000123})
     * @param reopenWindow how long after resolution a case may be reopened
     * @param managers each user's manager (user id to user id), alerted when that user's case escalates
     * @param defaultManager alerted for owners without a manager
     * @param recentItems how many purchases and interactions the agent view shows
     */
    public record Service(String trackingPrefix, Duration reopenWindow, Map<String, String> managers,
                          String defaultManager, Integer recentItems) {
    }

    /**
     * Quote approval.
     *
     * @param approvalThresholdPercent a line discount above this needs a manager's approval (0-100)
     */
    public record Quotes(BigDecimal approvalThresholdPercent) {
    }

    /**
     * Duplicate matching thresholds (match weight in bits).
     *
     * @param possible at least this flags a possible duplicate
     * @param almostCertain at least this flags an almost certain duplicate
     */
    public record Duplicates(Double possible, Double almostCertain) {
    }

    /**
     * The health indicator.
     *
     * @param maxOutboxLag events waiting longer than this for their subscribers make CRMKit's health DOWN (default
     *                     15 min)
     */
    public record Health(Duration maxOutboxLag) {
    }
}
