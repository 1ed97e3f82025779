package dev.crmkit.core.customer;

import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import java.util.Map;

/**
 * Leads and contacts searched together, as {@link ContactService#people} lists them. Leads live in a package above
 * {@code customer}, so the storage transaction supplies this port ({@link CustomerTx#peopleDirectory()}); the lead
 * package implements it.
 */
public interface PeopleDirectory {
    /** People matching {@code query}: the leads first, then the contacts; a {@code ValidationException} if invalid. */
    Page<Person> page(PeopleQuery query, PageRequest page);

    /** How many people match {@code query}, per value of {@code field}. */
    Map<String, Long> countBy(PeopleQuery query, GroupField field);
}
