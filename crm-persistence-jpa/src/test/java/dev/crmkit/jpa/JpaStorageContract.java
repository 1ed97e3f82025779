package dev.crmkit.jpa;

import dev.crmkit.core.contract.StorageContract;

/**
 * The storage contract as the JPA adapter runs it. Tests of aggregates the adapter does not map yet are switched off
 * here, one override each, and switched back on (override deleted) by the change that maps them.
 */
abstract class JpaStorageContract extends StorageContract {
}
