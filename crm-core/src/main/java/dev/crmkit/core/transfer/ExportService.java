package dev.crmkit.core.transfer;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.EntityId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Page;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.Validation;
import dev.crmkit.core.context.CrmContext;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountService;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactPoints;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.lead.Identity;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.Reach;
import dev.crmkit.core.segment.Segment;
import dev.crmkit.core.sharing.Audience;
import dev.crmkit.core.sharing.Visibility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV exports: every lead, contact or account with the columns an import reads back ({@link ImportField} headers,
 * plus {@code Id}), and a segment's postal addresses for a direct-mail campaign. Every cell a spreadsheet would run
 * as a formula (starting with {@code = + - @}) is written after a single quote. Needs the MANAGER role: an export
 * reads across owners; it holds the records the caller sees (a manager's teams', everything for an ADMIN).
 */
public final class ExportService {
    private static final int PAGE = PageRequest.MAX_SIZE;
    private static final List<ImportField> PERSON = List.of(ImportField.FIRST_NAME, ImportField.LAST_NAME,
            ImportField.COMPANY, ImportField.TITLE, ImportField.EMAIL, ImportField.PHONE, ImportField.STREET,
            ImportField.CITY, ImportField.REGION, ImportField.POSTAL_CODE, ImportField.COUNTRY,
            ImportField.BIRTH_DATE, ImportField.TAGS, ImportField.EMAIL_MARKETING, ImportField.PHONE_CONTACT,
            ImportField.POSTAL_MAIL);
    private static final List<ImportField> COMPANY = List.of(ImportField.COMPANY, ImportField.INDUSTRY,
            ImportField.WEBSITE, ImportField.STREET, ImportField.CITY, ImportField.REGION, ImportField.POSTAL_CODE,
            ImportField.COUNTRY, ImportField.TAGS);
    private static final List<String> MAILING = List.of("Name", "Company", "Street", "City", "Region",
            "Postal code", "Country");

    private final CrmContext<? extends TransferTx> ctx;

    /** Created by {@code Crm}; hosts obtain it from the facade. */
    public ExportService(CrmContext<? extends TransferTx> ctx) {
        this.ctx = ctx;
    }

    /**
     * Writes every {@code target} record the caller sees (leads: all but merged and spam ones) to {@code out} as CSV,
     * oldest first, in one read transaction; returns how many rows were written. {@code out} is flushed, not closed.
     */
    public long csv(ImportTarget target, Writer out) {
        Validation.argument("target", target);
        Validation.argument("out", out);
        ctx.actor().require(Actor.MANAGER, "export records");
        List<ImportField> fields = target == ImportTarget.ACCOUNT ? COMPANY : PERSON;
        List<String> header = new ArrayList<>(List.of("Id"));
        fields.forEach(f -> header.add(f.header()));
        return ctx.read(tx -> write(out, header, printer -> switch (target) {
            case LEAD -> pages(p -> tx.leads().search(LeadQuery.all(), Audience.of(ctx, tx, "Lead"), p),
                    (Lead l) -> leadRow(l), printer);
            case CONTACT -> {
                Map<AccountId, String> names = new HashMap<>();
                Visibility seen = Audience.of(ctx, tx, "Contact");
                Predicate<Account> accountSeen = AccountService.seenBy(ctx, tx);
                yield pages(p -> tx.contacts().search(ContactQuery.all(), seen, p), (Contact c) -> contactRow(c,
                        c.account() == null ? null : names.computeIfAbsent(c.account(),
                                a -> tx.accounts().find(a).filter(accountSeen).map(Account::name).orElse(null))),
                        printer);
            }
            case ACCOUNT -> pages(p -> tx.accounts().list(Audience.of(ctx, tx, "Account"), p),
                    ExportService::accountRow, printer);
        }));
    }

    /**
     * Writes the postal addresses of a segment's members the caller sees for a direct-mail campaign: a person (lead
     * or contact) only with {@link Consent#postalMail()} and an address a letter reaches (a street and a city or postal
     * code); an account segment with its companies' addresses (business mail, no person's consent involved). Columns:
     * Name, Company, Street, City, Region, Postal code, Country. {@code out} is flushed, not closed.
     */
    public MailingList mailingList(SegmentId segment, Writer out) {
        Validation.argument("segment", segment);
        Validation.argument("out", out);
        ctx.actor().require(Actor.MANAGER, "export a mailing list");
        return ctx.read(tx -> {
            Segment s = tx.segments().get(segment);
            Visibility seen = Audience.of(ctx, tx, s.target().recordKind());
            long[] counts = new long[3]; // written, without consent, without a postal address
            write(out, MAILING, printer -> {
                eachOf(page -> tx.segmentQueries().members(s.target(), s.criteria(), seen, page), (EntityId id) -> {
                    Addressee a = addressee(tx, id);
                    if (a == null) {
                        return;
                    }
                    Address at = a.address;
                    if (!a.consented) {
                        counts[1]++;
                    } else if (at == null || !reachable(at)) {
                        counts[2]++;
                    } else {
                        counts[0]++;
                        print(printer, List.of(a.name, nz(a.company), nz(at.street()), nz(at.city()), nz(at.region()),
                                nz(at.postalCode()), nz(at.country())));
                    }
                });
                return counts[0];
            });
            return new MailingList(counts[0], counts[1], counts[2]);
        });
    }

    /**
     * What a direct-mail export wrote and left out.
     *
     * @param written      addresses written
     * @param noConsent    people left out: no consent to postal mail
     * @param noAddress    members left out: no street with a city or postal code
     */
    public record MailingList(long written, long noConsent, long noAddress) {
    }

    private record Addressee(String name, @Nullable String company, @Nullable Address address, boolean consented) {
    }

    private static @Nullable Addressee addressee(TransferTx tx, EntityId id) {
        if (id instanceof LeadId l) {
            return tx.leads().find(l).map(x -> new Addressee(name(x.identity().firstName(), x.identity().lastName()),
                    x.identity().company(), x.reach().address(), x.consent().postalMail())).orElse(null);
        }
        if (id instanceof ContactId c) {
            return tx.contacts().find(c).map(x -> new Addressee(name(x.name().firstName(), x.name().lastName()),
                    x.account() == null ? null : tx.accounts().find(x.account()).map(Account::name).orElse(null),
                    x.points().address(), x.consent().postalMail())).orElse(null);
        }
        if (id instanceof AccountId a) {
            return tx.accounts().find(a).map(x -> new Addressee(x.name(), x.name(), x.address(), true)).orElse(null);
        }
        return null;
    }

    private static boolean reachable(Address a) {
        return a.street() != null && (a.city() != null || a.postalCode() != null);
    }

    private static String name(@Nullable String first, @Nullable String last) {
        return first == null ? nz(last) : last == null ? first : first + " " + last;
    }

    private static List<String> leadRow(Lead l) {
        Identity who = l.identity();
        Reach reach = l.reach();
        String phone = reach.phone() != null ? reach.phone().value() : reach.unverifiedPhone();
        return person(l.id().value().toString(), who.firstName(), who.lastName(), who.company(), who.title(),
                reach.email() == null ? null : reach.email().value(), phone, reach.address(), who.birthDate(), l.tags(),
                l.consent());
    }

    private static List<String> contactRow(Contact c, @Nullable String company) {
        ContactPoints at = c.points();
        return person(c.id().value().toString(), c.name().firstName(), c.name().lastName(), company, c.name().title(),
                at.email() == null ? null : at.email().value(), at.phone() == null ? null : at.phone().value(),
                at.address(), c.demographics().birthDate(), c.tags(), c.consent());
    }

    private static List<String> person(String id, @Nullable String first, @Nullable String last,
                                       @Nullable String company, @Nullable String title, @Nullable String email,
                                       @Nullable String phone, @Nullable Address a, @Nullable LocalDate birthDate,
                                       Set<String> tags, Consent consent) {
        List<String> row = new ArrayList<>(List.of(id, nz(first), nz(last), nz(company), nz(title), nz(email),
                nz(phone)));
        addAddress(row, a);
        row.add(birthDate == null ? "" : birthDate.toString());
        row.add(String.join("; ", tags.stream().sorted().toList()));
        Consent c = consent == null ? Consent.NONE : consent;
        row.add(yesNo(c.emailMarketing()));
        row.add(yesNo(c.phoneContact()));
        row.add(yesNo(c.postalMail()));
        return row;
    }

    private static List<String> accountRow(Account a) {
        List<String> row = new ArrayList<>(List.of(a.id().value().toString(), a.name(), nz(a.industry()),
                nz(a.website())));
        addAddress(row, a.address());
        row.add(String.join("; ", a.tags().stream().sorted().toList()));
        return row;
    }

    private static void addAddress(List<String> row, @Nullable Address a) {
        row.add(a == null ? "" : nz(a.street()));
        row.add(a == null ? "" : nz(a.city()));
        row.add(a == null ? "" : nz(a.region()));
        row.add(a == null ? "" : nz(a.postalCode()));
        row.add(a == null ? "" : nz(a.country()));
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static <T> long pages(Function<PageRequest, Page<T>> read, Function<T, List<String>> row,
                                  CSVPrinter printer) {
        return eachOf(read, item -> print(printer, row.apply(item)));
    }

    /** Hands every item of the pages {@code read} gives to {@code each}, a page at a time; returns how many. */
    private static <T> long eachOf(Function<PageRequest, Page<T>> read, Consumer<T> each) {
        long n = 0;
        PageRequest page = PageRequest.first(PAGE);
        while (true) {
            Page<T> p = read.apply(page);
            p.items().forEach(each);
            n += p.items().size();
            if (!p.hasNext()) {
                return n;
            }
            page = page.next();
        }
    }

    private static void print(CSVPrinter printer, List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvCells::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    private static long write(Writer out, List<String> header, Function<CSVPrinter, Long> rows) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header);
            long n = rows.apply(printer);
            printer.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }
}
