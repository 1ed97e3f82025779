package dev.crmkit.core.lead;

import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.Text;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.customer.LifecycleStage;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.customer.Person;
import dev.crmkit.core.sharing.Visibility;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PeopleQuery} split into a lead query and a contact query (either may be empty). Results list the leads
 * first, then the contacts, each in creation order, so a page needs at most one lead page and two contact pages.
 */
final class PeopleSearch {
    private static final Set<LeadStatus> LIVE_LEADS = EnumSet.complementOf(
            EnumSet.of(LeadStatus.CONVERTED, LeadStatus.MERGED));

    private final @Nullable LeadQuery leads;
    private final @Nullable ContactQuery contacts;

    private PeopleSearch(@Nullable LeadQuery leads, @Nullable ContactQuery contacts) {
        this.leads = leads;
        this.contacts = contacts;
    }

    static PeopleSearch of(PeopleQuery q) {
        Validation v = new Validation();
        String qualification = Text.blankToNull(q.qualification());
        LeadStatus status = null;
        LifecycleStage contactStage = q.stage();
        boolean wantLeads = q.kind() != Person.Kind.CONTACT && q.stage() != LifecycleStage.CUSTOMER;
        boolean wantContacts = q.kind() != Person.Kind.LEAD;
        if (qualification != null) {
            String name = qualification.toUpperCase(Locale.ROOT);
            status = enumOrNull(LeadStatus.class, name);
            LifecycleStage stage = enumOrNull(LifecycleStage.class, name);
            v.check(status != null || stage != null, "qualification",
                    "is neither a lead status nor a lifecycle stage: " + qualification);
            wantLeads &= status != null;
            wantContacts &= stage != null && (contactStage == null || contactStage == stage);
            contactStage = stage;
        }
        String country = Text.blankToNull(q.country());
        String region = Text.blankToNull(q.region());
        String city = Text.blankToNull(q.city());
        v.throwIfInvalid();
        LeadQuery lq = !wantLeads ? null : new LeadQuery(status == null ? LIVE_LEADS : Set.of(status), q.owner(),
                country, region, city, null, null, false);
        ContactQuery cq = !wantContacts ? null
                : new ContactQuery(contactStage, q.owner(), null, country, region, city, null, null);
        return new PeopleSearch(lq, cq);
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Page<Person> page(LeadTx tx, Visibility visibility, Visibility contactVisibility, PageRequest request) {
        List<Person> items = new ArrayList<>(request.size());
        long leadTotal = 0;
        if (leads != null) {
            Page<Lead> page = tx.leads().search(leads, visibility, request);
            leadTotal = page.total();
            page.items().forEach(l -> items.add(person(l)));
        }
        long contactTotal = 0;
        if (contacts != null) {
            long offset = Math.max(0, request.offset() - leadTotal);
            int size = request.size();
            int pageNo = (int) (offset / size);
            int skip = (int) (offset % size);
            Page<Contact> first = tx.contacts().search(contacts, contactVisibility, new PageRequest(pageNo, size));
            contactTotal = first.total();
            List<Contact> found = new ArrayList<>(first.items().subList(Math.min(skip, first.items().size()),
                    first.items().size()));
            if (skip > 0 && first.hasNext()) {
                found.addAll(tx.contacts().search(contacts, contactVisibility, new PageRequest(pageNo + 1, size))
                        .items());
            }
            found.stream().limit(size - items.size()).forEach(c -> items.add(person(c)));
        }
        return new Page<>(items, request, leadTotal + contactTotal);
    }

    Map<String, Long> countBy(LeadTx tx, Visibility visibility, Visibility contactVisibility, GroupField field) {
        Map<String, Long> counts = new TreeMap<>();
        if (leads != null) {
            tx.leads().countBy(leads, visibility, field).forEach((k, n) -> counts.merge(k, n, Long::sum));
        }
        if (contacts != null) {
            tx.contacts().countBy(contacts, contactVisibility, field).forEach((k, n) -> counts.merge(k, n, Long::sum));
        }
        return counts;
    }

    private static Person person(Lead l) {
        return new Person(Person.Kind.LEAD, l.id().value(), fullName(l.identity().firstName(),
                l.identity().lastName()), l.reach().email(),
                LifecycleStage.PROSPECT, l.status().name(), l.owner(), l.reach().address());
    }

    private static Person person(Contact c) {
        return new Person(Person.Kind.CONTACT, c.id().value(), fullName(c.name().firstName(), c.name().lastName()),
                c.points().email(), c.stage(), c.stage().name(), c.owner(), c.points().address());
    }

    static String fullName(@Nullable String first, @Nullable String last) {
        String f = Text.blankToNull(first);
        String l = Text.blankToNull(last);
        return f == null ? (l == null ? "" : l) : (l == null ? f : f + " " + l);
    }
}
