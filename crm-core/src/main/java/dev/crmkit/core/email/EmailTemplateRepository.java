package dev.crmkit.core.email;

import dev.crmkit.core.spi.Repository;
import java.util.List;

/** Storage port for a tenant's email templates. */
public interface EmailTemplateRepository extends Repository<EmailTemplateId, EmailTemplate> {
    /** The tenant's templates, by name, then id. */
    List<EmailTemplate> list();

    @Override
    default String kind() {
        return "EmailTemplate";
    }
}
