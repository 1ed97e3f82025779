package dev.crmkit.jpa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the annotated test class, its {@code @Nested} classes included, once per database, each run named after its
 * database ({@code JpaContractTest PostgreSQL StorageTests} in the surefire reports; the console's per-test lines
 * give the run's index instead: {@code [1]} H2, {@code [2]} PostgreSQL, {@code [3]} MariaDB). The class takes the
 * run's database in a field annotated {@code @Parameter}; it is open before anything of the run starts, and a server
 * that cannot be reached skips or fails the whole run as {@link TestDatabase} describes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@MethodSource("dev.crmkit.jpa.TestDatabase#each")
@ExtendWith(TestDatabase.OpenEach.class)
@interface EachDatabase {
}
