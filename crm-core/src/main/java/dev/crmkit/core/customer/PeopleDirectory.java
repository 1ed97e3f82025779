package dev.crmkit.core.customer;

import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.context.CrmContext;
import java.util.Map;

/**
 * Leads and contacts searched together, as {@link ContactService#people} lists them. Leads live in a package above
 * {@code customer}, so the storage transaction supplies this port ({@link CustomerTx#peopleDirectory()}); the lead
 * package implements it.
 */
public interface PeopleDirectory {
    /**
     * People matching {@code query}: the leads first, then the contacts; a {@code ValidationException} if invalid.
     * Only the leads the actor of {@code reader} sees.
     */
    Page<Person> page(CrmContext<?> reader, PeopleQuery query, PageRequest page);

    /** How many people match {@code query}, per value of {@code field}, of those {@code reader} sees. */
    Map<String, Long> countBy(CrmContext<?> reader, PeopleQuery query, GroupField field);
}
