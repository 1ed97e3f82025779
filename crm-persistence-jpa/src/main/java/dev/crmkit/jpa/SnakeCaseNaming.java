package dev.crmkit.jpa;

import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Column and table names as the migrations spell them: {@code createdAt} → {@code created_at}, lower case. The same
 * rule as Hibernate 6's {@code CamelCaseToUnderscoresNamingStrategy} (an underscore between a lower-case letter and
 * an upper-case one followed by a lower-case one; dots become underscores), kept here because Hibernate 7 deprecates
 * that class for removal and CRMKit runs on both lines.
 */
final class SnakeCaseNaming implements PhysicalNamingStrategy {
    @Override
    public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
        return apply(name);
    }

    @Override
    public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
        return apply(name);
    }

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
        return apply(name);
    }

    @Override
    public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
        return apply(name);
    }

    @Override
    public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
        return apply(name);
    }

    static Identifier apply(Identifier name) {
        if (name == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(name.getText().replace('.', '_'));
        for (int i = 1; i < text.length() - 1; i++) {
            if (Character.isLowerCase(text.charAt(i - 1)) && Character.isUpperCase(text.charAt(i))
                    && Character.isLowerCase(text.charAt(i + 1))) {
                text.insert(i++, '_');
            }
        }
        return new Identifier(text.toString().toLowerCase(Locale.ROOT), name.isQuoted());
    }
}
