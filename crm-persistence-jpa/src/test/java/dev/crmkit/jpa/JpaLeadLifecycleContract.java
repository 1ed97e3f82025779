package dev.crmkit.jpa;

import dev.crmkit.core.contract.LeadLifecycleContract;

/**
 * The lead life cycle as the JPA adapter runs it. Every test runs; as in {@link JpaStorageContract}, a test the
 * adapter cannot pass yet would be switched off here with one override.
 */
abstract class JpaLeadLifecycleContract extends LeadLifecycleContract {
}
