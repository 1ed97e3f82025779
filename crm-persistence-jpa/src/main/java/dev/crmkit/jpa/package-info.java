/**
 * Durable CRMKit storage in a relational database: Hibernate 6 over a schema that Flyway migrations shipped in this
 * jar create and upgrade, on H2 (embedded), PostgreSQL and MariaDB.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().storage(JpaStorage.create(hostDataSource)).build();           // the host's database
 * Crm crm = Crm.builder().storage(JpaStorage.embeddedH2(Path.of("data/crm"))).build();  // a file of its own
 * }</pre>
 *
 * <p>Tables are prefixed {@code crm_} and the migration history is {@code crmkit_schema_history}, so CRMKit can share
 * a schema with the host's own tables and migrations. Every row carries its tenant, and every key and index starts
 * with it. Aggregates are immutable records: each is one row (collections as JSON text; the searched ones mirrored
 * into key tables), saved with a versioned update that fails with {@code ConcurrentUpdateException} when stale.
 * Touchpoints are written in JDBC batches. Public: {@link dev.crmkit.jpa.JpaStorage}, its report executor, the
 * host-transaction adapters and {@link dev.crmkit.jpa.SchemaException}.
 */
package dev.crmkit.jpa;
