package dev.crmkit.spring.boot;

import dev.crmkit.core.Crm;

/**
 * Adjusts the {@link Crm.Builder} before the starter builds the application's {@code Crm}: for settings that have no
 * property (scoring rules, sales stages, delivery policy...). Declare one or more as beans; they run in
 * {@code @Order}. Settings and host ports declared as beans of their own type ({@code EmailSender},
 * {@code Notifier}, {@code ScoringRules}...) are picked up without one.
 */
@FunctionalInterface
public interface CrmBuilderCustomizer {
    /** Changes {@code builder}; called once, after the properties and setting beans were applied. */
    void customize(Crm.Builder builder);
}
