package dev.crmkit.core.customer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EmailAddress;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.PhoneNumber;
import dev.crmkit.core.spi.Repository;
import java.util.List;
import java.util.Map;

/** Storage port for contacts. Every lookup here must be an index hit in an adapter, never a scan. */
public interface ContactRepository extends Repository<ContactId, Contact> {
    List<Contact> findByEmail(EmailAddress email);

    List<Contact> findByPhone(PhoneNumber phone);

    List<Contact> findByNameKey(String nameKey);

    /** The account's contacts, ordered by creation time then id. */
    List<Contact> findByAccount(AccountId account);

    Page<Contact> search(ContactQuery query, PageRequest page);

    /** Number of matching contacts per value of {@code field} (null values under the key {@code ""}). */
    Map<String, Long> countBy(ContactQuery query, GroupField field);

    @Override
    default String kind() {
        return "Contact";
    }
}
