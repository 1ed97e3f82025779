package dev.crmkit.jpa;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * As {@link EachDatabase}, on the database servers only (PostgreSQL, MariaDB): for what embedded H2 cannot have,
 * such as a connection the server closes under a pool.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@MethodSource("dev.crmkit.jpa.TestDatabase#servers")
@ExtendWith(TestDatabase.OpenEach.class)
@interface EachServerDatabase {
}
