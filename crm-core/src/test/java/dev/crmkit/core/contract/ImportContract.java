package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.Consent;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactQuery;
import dev.crmkit.core.lead.AssignmentRules;
import dev.crmkit.core.lead.AssignmentRules.Team;
import dev.crmkit.core.lead.BatchCapture;
import dev.crmkit.core.lead.CaptureMemo;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.spi.IdGenerator;
import dev.crmkit.core.transfer.ColumnMapping;
import dev.crmkit.core.transfer.DedupePolicy;
import dev.crmkit.core.transfer.ExportService.MailingList;
import dev.crmkit.core.transfer.ImportField;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportSettings;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.RowOutcome;
import dev.crmkit.core.transfer.RowOutcome.Action;
import dev.crmkit.core.transfer.SavedMapping;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bulk import of leads, contacts and accounts from CSV and vCard files, and CSV exports. */
public abstract class ImportContract extends ContractSupport {
    private static final String LEADS = """
            Given name,Surname,E-mail,Phone,Company,City,Country,Date of birth,Tags
            Ada,Lovelace,ada@example.com,+44 20 7946 0018,Analytical Engines,London,United Kingdom,1985-12-10,vip;math
            Charles,Babbage,charles@example.com,,Difference Engines,London,GB,19911226,
            Grace,Hopper,grace@example.com,+1 212 555 0100,Navy,New York,US,,
            """;

    @Test
    void aCsvOfLeadsIsImportedByItsHeadersWithEveryRowReported() {
        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(LEADS));

        assertThat(result.dryRun()).isFalse();
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.rowsWith(Action.CREATED)).containsExactly(2, 3, 4);
        Lead ada = lead("ada@example.com");
        assertThat(ada.origin().source()).isEqualTo(LeadSource.IMPORT);
        assertThat(ada.identity().company()).isEqualTo("Analytical Engines");
        assertThat(ada.reach().address().country()).as("a country name becomes its code").isEqualTo("GB");
        assertThat(ada.identity().birthDate()).isEqualTo(LocalDate.of(1985, 12, 10));
        assertThat(ada.tags()).containsExactlyInAnyOrder("vip", "math");
        assertThat(lead("charles@example.com").identity().birthDate()).isEqualTo(LocalDate.of(1991, 12, 26));
        assertThat(result.rows().get(0).record()).isEqualTo(ada.id().value());
    }

    @Test
    void runningTheSameFileAgainCreatesNothingNew() {
        crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(LEADS));

        ImportResult again = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).dedupe(DedupePolicy.FLAG),
                csv(LEADS));

        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.rows()).extracting(RowOutcome::note).containsOnly("imported before");
        assertThat(allLeads()).hasSize(3);
    }

    @Test
    void aRowRepeatedWithinTheFileIsImportedOnce() {
        String twice = LEADS + "Ada,Lovelace,ada@example.com,+44 20 7946 0018,Analytical Engines,London,"
                + "United Kingdom,1985-12-10,vip;math\n";

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(twice));

        assertThat(result.created()).isEqualTo(3);
        RowOutcome repeat = result.rows().get(3);
        assertThat(repeat.action()).isEqualTo(Action.SKIPPED);
        assertThat(repeat.record()).isEqualTo(lead("ada@example.com").id().value());
        assertThat(allLeads()).hasSize(3);
    }

    @Test
    void aDryRunNamesEveryBadCellByRowAndColumnAndWritesNothing() {
        String bad = """
                First name,Last name,E-mail,Birthday,Country,Email marketing
                Ada,Lovelace,ada@example.com,1985-12-10,GB,yes
                Bob,Broken,not-an-email,10/12/1815,Atlantis,maybe
                ,,,,,
                Carl,Fine,carl@example.com,,,no
                """;

        ImportResult preview = crm.imports().preview(ImportRequest.csv(ImportTarget.LEAD), csv(bad));

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.rowsWith(Action.CREATED)).containsExactly(2, 5);
        assertThat(preview.rowsWith(Action.FAILED)).containsExactly(3, 4);
        assertThat(preview.rows().get(0).record()).as("nothing was created").isNull();
        assertThat(preview.rows().get(1).errors()).extracting(FieldError::field)
                .contains("E-mail", "Birthday", "Country", "Email marketing");
        assertThat(allLeads()).isEmpty();

        ImportResult run = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(bad));

        assertThat(run.rowsWith(Action.CREATED)).containsExactly(2, 5);
        assertThat(run.rowsWith(Action.FAILED)).containsExactly(3, 4);
        assertThat(allLeads()).extracting(l -> l.identity().lastName()).containsExactlyInAnyOrder("Lovelace", "Fine");
        assertThat(lead("ada@example.com").consent().emailMarketing()).isTrue();
    }

    @Test
    void aRowThatIsAStoredLeadIsSkippedUnderTheSkipPolicy() {
        LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(LEADS));

        RowOutcome ada = result.rows().get(0);
        assertThat(ada.action()).isEqualTo(Action.SKIPPED);
        assertThat(ada.duplicateOf()).isEqualTo(stored.value());
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.duplicateRows()).containsExactly(2);
        assertThat(crm.leads().get(stored).reach().phone()).as("left alone").isNull();
        assertThat(allLeads()).hasSize(3);
    }

    @Test
    void updateEmptyFillsOnlyTheStoredLeadsEmptyFields() {
        LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("AE Ltd"));

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD)
                .dedupe(DedupePolicy.UPDATE_EMPTY), csv(LEADS));

        assertThat(result.rows().get(0).action()).isEqualTo(Action.UPDATED);
        assertThat(result.updated()).isEqualTo(1);
        Lead ada = crm.leads().get(stored);
        assertThat(ada.reach().phone()).as("filled").isNotNull();
        assertThat(ada.identity().birthDate()).isEqualTo(LocalDate.of(1985, 12, 10));
        assertThat(ada.identity().company()).as("kept").isEqualTo("AE Ltd");
        assertThat(allLeads()).hasSize(3);

        ImportResult again = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD)
                .dedupe(DedupePolicy.UPDATE_EMPTY), csv(LEADS));
        assertThat(again.updated()).isZero();
        assertThat(crm.leads().get(stored).version()).isEqualTo(ada.version());
    }

    @Test
    void flagStoresTheRowAsANewLeadFlaggedWithTheStoredOne() {
        LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).dedupe(DedupePolicy.FLAG),
                csv(LEADS));

        RowOutcome ada = result.rows().get(0);
        assertThat(ada.action()).isEqualTo(Action.CREATED);
        assertThat(ada.duplicateOf()).isEqualTo(stored.value());
        Lead created = crm.leads().get(LeadId.of(ada.record()));
        assertThat(created.duplicates()).anyMatch(m -> m.id().equals(stored.value()));
        assertThat(allLeads()).hasSize(4);
    }

    @Test
    void anUnknownColumnRefusesTheFileUntilItIsMappedOrIgnored() {
        String file = "First name,Last name,Email,Shoe size\nAda,Lovelace,ada@example.com,38\n";

        assertThatThrownBy(() -> crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(file)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("Shoe size"))
                        .isTrue());
        assertThat(allLeads()).isEmpty();

        crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).mapping(ColumnMapping.byHeader()
                .custom("Shoe size", "shoeSize")), csv(file));
        assertThat(lead("ada@example.com").customFields()).containsEntry("shoeSize", "38");
    }

    @Test
    void aFileWithoutANameColumnOrWithAFieldTwiceIsRefused() {
        assertThatThrownBy(() -> crm.imports().run(ImportRequest.csv(ImportTarget.LEAD),
                csv("Email,Phone\nada@example.com,\n")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("columns"))
                        .isTrue());
        assertThatThrownBy(() -> crm.imports().run(ImportRequest.csv(ImportTarget.LEAD),
                csv("Surname,Last name\nLovelace,Lovelace\n")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("Last name"))
                        .isTrue());
    }

    @Test
    void aSavedMappingReadsTheNextFileOfItsLayout() {
        ColumnMapping german = ColumnMapping.explicit().map("Vorname", ImportField.FIRST_NAME)
                .map("Nachname", ImportField.LAST_NAME).map("E-Mail-Adresse", ImportField.EMAIL)
                .map("PLZ", ImportField.POSTAL_CODE).ignore("Notiz");
        crm.imports().saveMapping("Messe München", ImportTarget.LEAD, german);

        SavedMapping saved = crm.imports().mapping("Messe München").orElseThrow();
        assertThat(saved.mapping()).isEqualTo(german);
        assertThat(saved.savedBy()).isEqualTo(actor.user());
        assertThat(crm.imports().mappings()).extracting(SavedMapping::name).containsExactly("Messe München");
        assertThat(ColumnMapping.parse(german.toText())).isEqualTo(german);

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).mapping(saved.mapping()),
                csv("Vorname;Nachname;E-Mail-Adresse;PLZ;Notiz\nJosef;Müller;josef@example.de;80331;kam am Stand\n"));

        assertThat(result.created()).isEqualTo(1);
        Lead josef = lead("josef@example.de");
        assertThat(josef.identity().lastName()).isEqualTo("Müller");
        assertThat(josef.reach().address().postalCode()).isEqualTo("80331");
        assertThatThrownBy(() -> crm.imports().saveMapping(" ", ImportTarget.LEAD, german))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("name")).isTrue());
    }

    @Test
    void aFileInAnotherEncodingIsRefusedUnlessItsEncodingIsNamed() {
        byte[] latin1 = "First name,Last name,Email\nJosef,Müller,josef@example.de\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> crm.imports().run(ImportRequest.csv(ImportTarget.LEAD),
                new ByteArrayInputStream(latin1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).reason())
                        .contains("not valid UTF-8").contains("line 2"));
        assertThat(allLeads()).isEmpty();

        crm.imports().run(ImportRequest.csv(ImportTarget.LEAD).encoding(StandardCharsets.ISO_8859_1),
                new ByteArrayInputStream(latin1));
        assertThat(lead("josef@example.de").identity().lastName()).isEqualTo("Müller");
    }

    @Test
    void aSpreadsheetsUnicodeTextFileIsReadByItsByteOrderMark() {
        byte[] utf16 = "\uFEFFFirst name\tLast name\tEmail\nJosef\tMüller\tjosef@example.de\n"
                .getBytes(StandardCharsets.UTF_16LE);

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.LEAD), new ByteArrayInputStream(utf16));

        assertThat(result.created()).isEqualTo(1);
        assertThat(lead("josef@example.de").identity().lastName()).isEqualTo("Müller");
    }

    @Test
    void aHugeUploadIsRefusedAfterReadingNoMoreThanTheLimitAndNothingIsWritten() {
        Crm bounded = crmWith(new ImportSettings(4096, 1000, 100));
        long[] read = new long[1];
        InputStream twoGigabytes = new InputStream() {
            private final byte[] line = "Ada,Lovelace,ada@example.com\n".getBytes(StandardCharsets.UTF_8);

            @Override
            public int read() {
                if (read[0] >= (2L << 30)) {
                    return -1;
                }
                return read[0] == 0 ? 'F' : line[(int) (read[0]++ % line.length)];
            }
        };

        assertThatThrownBy(() -> bounded.imports().run(ImportRequest.csv(ImportTarget.LEAD), twoGigabytes))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0))
                        .isEqualTo(new FieldError("file", "is larger than 4096 bytes")));
        assertThat(read[0]).isLessThanOrEqualTo(4097);
        assertThat(allLeads()).isEmpty();
    }

    @Test
    void progressIsReportedAfterEachBatch() {
        Crm small = crmWith(new ImportSettings(1 << 20, 1000, 2));
        List<String> updates = new ArrayList<>();
        String file = LEADS + "Bob,Broken,broken,,,,,,\n";

        small.imports().run(ImportRequest.csv(ImportTarget.LEAD)
                .progress((done, total, failed) -> updates.add(done + "/" + total + " failed " + failed)), csv(file));

        assertThat(updates).containsExactly("2/4 failed 0", "4/4 failed 1");
    }

    @Test
    void contactsAreLinkedToTheAccountTheirCompanyNamesCreatedOnceWhenMissing() {
        AccountId stored = crm.accounts().create(AccountDetails.named("Analytical Engines"));
        String file = """
                First name,Last name,Email,Company,Title
                Ada,Lovelace,ada@example.com,Analytical Engines,Countess
                Grace,Hopper,grace@example.com,US Navy,Rear Admiral
                Alan,Turing,alan@example.com,US Navy,
                """;

        ImportResult result = crm.imports().run(ImportRequest.csv(ImportTarget.CONTACT), csv(file));

        assertThat(result.created()).isEqualTo(3);
        List<Contact> contacts = crm.contacts().search(ContactQuery.all(), PageRequest.first(10)).items();
        assertThat(contacts).filteredOn(c -> c.name().lastName().equals("Lovelace")).extracting(Contact::account)
                .containsExactly(stored);
        assertThat(contacts).filteredOn(c -> !c.name().lastName().equals("Lovelace")).extracting(Contact::account)
                .doesNotContain(stored).containsOnly(contacts.stream().filter(c -> c.name().lastName().equals("Hopper"))
                        .findFirst().orElseThrow().account());
        assertThat(crm.accounts().list(PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void accountsAreImportedAndAStoredCompanyIsFoundByItsDomainAndAddress() {
        AccountId stored = crm.accounts().create(new AccountDetails("Acme Pty Ltd", null, null,
                new Address("1 Main St", "Springfield", null, "4000", "AU", null), "https://acme.example", null,
                Set.of()));
        String file = """
                Name,Website,Street,City,Postal code,Country,Industry
                Acne Pty. Ltd.,acme.example,1 Main St,Springfield,4000,AU,Explosives
                Initech,https://initech.example,,Austin,,US,Software
                """;

        ImportResult skip = crm.imports().run(ImportRequest.csv(ImportTarget.ACCOUNT), csv(file));

        assertThat(skip.rows().get(0).duplicateOf()).isEqualTo(stored.value());
        assertThat(skip.rowsWith(Action.CREATED)).containsExactly(3);

        ImportResult fill = crm.imports().run(ImportRequest.csv(ImportTarget.ACCOUNT)
                .dedupe(DedupePolicy.UPDATE_EMPTY), csv(file));
        assertThat(fill.rows().get(0).action()).isEqualTo(Action.UPDATED);
        Account acme = crm.accounts().get(stored);
        assertThat(acme.industry()).isEqualTo("Explosives");
        assertThat(acme.name()).isEqualTo("Acme Pty Ltd");
        assertThat(crm.accounts().list(PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void vCardsAreImportedWithFoldedLinesEscapesAndAddresses() {
        String cards = """
                BEGIN:VCARD
                VERSION:3.0
                N:Lovelace;Ada;;;
                FN:Ada Lovelace
                ORG:Analytical Engines\\, Ltd.;Research
                TITLE:Countess
                EMAIL;TYPE=INTERNET,WORK:ada@example.com
                TEL;TYPE=CELL:+44 20 7946
                  0018
                ADR;TYPE=WORK:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom
                BDAY:1985-12-10
                CATEGORIES:vip,math
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Grace Brewster Hopper
                item1.EMAIL:grace@example.com
                END:VCARD
                """;

        ImportResult result = crm.imports().run(ImportRequest.vcard(ImportTarget.LEAD), csv(cards));

        assertThat(result.created()).isEqualTo(2);
        Lead ada = lead("ada@example.com");
        assertThat(ada.identity().company()).isEqualTo("Analytical Engines, Ltd.");
        assertThat(ada.reach().phone().value()).isEqualTo("+442079460018");
        assertThat(ada.reach().address().street()).isEqualTo("12 St James's Square");
        assertThat(ada.reach().address().country()).isEqualTo("GB");
        assertThat(ada.tags()).containsExactlyInAnyOrder("vip", "math");
        Lead grace = lead("grace@example.com");
        assertThat(grace.identity().firstName()).isEqualTo("Grace Brewster");
        assertThat(grace.identity().lastName()).isEqualTo("Hopper");

        assertThatThrownBy(() -> crm.imports().run(ImportRequest.vcard(ImportTarget.LEAD),
                csv("BEGIN:VCARD\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\n")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasErrorFor("card 2")).isTrue());
        assertThat(allLeads()).hasSize(2);
    }

    @Test
    void anExportIsSafeInASpreadsheetAndImportsBackToTheSameLeads() {
        crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").company("=HYPERLINK(\"http://x\")")
                .phone("+44 20 7946 0018").address(new Address("12 St James's Square", "London", null,
                        "SW1Y 4JH", "GB", null)).tags(Set.of("@home", "vip"))
                .consent(new Consent(true, false, false, true)));
        crm.leads().capture(NewLead.of("Grace", "Hopper", "grace@example.com").title("-Admiral"));
        StringWriter out = new StringWriter();

        assertThat(crm.exports().csv(ImportTarget.LEAD, out)).isEqualTo(2);

        String csv = out.toString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Id,First name,Last name,Company");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("'+442079460018")
                .contains("'-Admiral").contains("'@home; vip");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line.split(",", -1))
                .noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0));

        Actor elsewhere = new Actor(freshTenant(), UserId.of("rep-2"), Set.of(Actor.MANAGER));
        Crm other = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(elsewhere).build();
        ImportResult back = other.imports().run(ImportRequest.csv(ImportTarget.LEAD), csv(csv));
        assertThat(back.created()).isEqualTo(2);
        Lead ada = other.leads().search(LeadQuery.all(), PageRequest.first(10)).items().stream()
                .filter(l -> l.identity().lastName().equals("Lovelace")).findFirst().orElseThrow();
        assertThat(ada.identity().company()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(ada.reach().phone().value()).isEqualTo("+442079460018");
        assertThat(ada.tags()).containsExactlyInAnyOrder("@home", "vip");
        assertThat(ada.consent()).isEqualTo(new Consent(true, false, false, true));
        assertThat(ada.reach().address().postalCode()).isEqualTo("SW1Y 4JH");
    }

    @Test
    void contactsAndAccountsExportWithTheirColumns() {
        AccountId acme = crm.accounts().create(AccountDetails.named("Acme"));
        crm.contacts().create(dev.crmkit.core.customer.ContactDetails.of(acme, "Wile", "Coyote",
                "wile@acme.example"));
        StringWriter contacts = new StringWriter();
        StringWriter accounts = new StringWriter();

        assertThat(crm.exports().csv(ImportTarget.CONTACT, contacts)).isEqualTo(1);
        assertThat(crm.exports().csv(ImportTarget.ACCOUNT, accounts)).isEqualTo(1);

        assertThat(contacts.toString().lines().skip(1).findFirst().orElseThrow())
                .contains(",Wile,Coyote,Acme,,wile@acme.example,");
        assertThat(accounts.toString().lines().findFirst().orElseThrow())
                .isEqualTo("Id,Company,Industry,Website,Street,City,Region,Postal code,Country,Tags");
    }

    @Test
    void aDirectMailListHoldsOnlyPeopleWhoAgreedToPostWithAnAddressALetterReaches() {
        Address street = new Address("12 St James's Square", "London", null, "SW1Y 4JH", "GB", null);
        Consent post = new Consent(false, false, false, true);
        crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com").address(street).consent(post)
                .tags(Set.of("catalogue")));
        crm.leads().capture(NewLead.of("Bob", "Nobody", "bob@example.com").address(street)
                .consent(new Consent(true, true, true, false)).tags(Set.of("catalogue")));
        crm.leads().capture(NewLead.of("Carl", "Cityonly", "carl@example.com")
                .address(Address.of("London", null, "GB")).consent(post).tags(Set.of("catalogue")));
        crm.leads().capture(NewLead.of("Dora", "Elsewhere", "dora@example.com").address(street).consent(post));
        SegmentId catalogue = crm.segments().create("Catalogue", SegmentTarget.LEAD,
                Criteria.field("tags").contains("catalogue"));
        StringWriter out = new StringWriter();

        MailingList list = crm.exports().mailingList(catalogue, out);

        assertThat(list).isEqualTo(new MailingList(1, 1, 1));
        assertThat(out.toString().lines().toList()).containsExactly(
                "Name,Company,Street,City,Region,Postal code,Country",
                "Ada Lovelace,,12 St James's Square,London,,SW1Y 4JH,GB");
    }

    @Test
    void exportsNeedTheManagerRole() {
        Actor rep = new Actor(tenant, UserId.of("rep-3"), Set.of());
        Crm asRep = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock)).actor(rep)
                .build();

        assertThatThrownBy(() -> asRep.exports().csv(ImportTarget.LEAD, new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void leadsCapturedTogetherAreFlaggedExactlyAsWhenCapturedOneByOne() {
        List<NewLead> people = new ArrayList<>();
        String[] first = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John"};
        String[] last = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus"};
        for (int i = 0; i < 48; i++) {
            int p = i % 16;
            String surname = last[p % 8] + (p < 8 ? "" : "son");
            if (i >= 16 && i % 3 == 0) {
                surname = surname.substring(0, 2) + "x" + surname.substring(3); // a typo
            }
            NewLead lead = NewLead.of(first[(p * 3) % 8], surname, i % 5 == 0 ? null : "p" + p + "@example.com")
                    .address(new Address(p + " Main St", "Springfield", null, String.valueOf(4000 + p % 4), "AU",
                            null)).birthDate(LocalDate.of(1970 + p, 1 + p % 12, 1 + p));
            people.add(i % 7 == 0 ? lead.phone("+61 2 9" + (100_0000 + p)) : lead);
        }
        crm.contacts().create(dev.crmkit.core.customer.ContactDetails.of(null, "Grace", "Hopper",
                "p1@example.com"));
        Crm together = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .actor(new Actor(freshTenant(), actor.user(), actor.roles())).build();
        together.contacts().create(dev.crmkit.core.customer.ContactDetails.of(null, "Grace", "Hopper",
                "p1@example.com"));

        List<LeadId> oneByOne = people.stream().map(crm.leads()::capture).toList();
        List<BatchCapture> all = together.leads().captureAll(people, found -> true);

        assertThat(all).allMatch(BatchCapture::stored);
        for (int i = 0; i < people.size(); i++) {
            Lead alone = crm.leads().get(oneByOne.get(i));
            Lead batched = together.leads().get(all.get(i).id());
            assertThat(flags(batched.duplicates(), all.stream().map(BatchCapture::id).toList()))
                    .as("lead %d", i).isEqualTo(flags(alone.duplicates(), oneByOne));
            assertThat(batched.score()).isEqualTo(alone.score());
            assertThat(batched.owner()).isEqualTo(alone.owner());
        }
        assertThat(oneByOne.stream().map(crm.leads()::get).mapToInt(l -> l.duplicates().size()).sum())
                .as("the people repeat, so there is something to compare").isGreaterThan(30);
    }

    @Test
    void aLeadCapturedTogetherThatTheCallerDoesNotWantIsNotStoredButKeepsItsMatches() {
        LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));

        List<BatchCapture> result = crm.leads().captureAll(List.of(
                NewLead.of("Ada", "Lovelace", "ada@example.com").source(LeadSource.IMPORT),
                NewLead.of("Bob", "Broken", "not-an-email"),
                NewLead.of("Carl", "New", "carl@example.com")), found -> found.isEmpty());

        assertThat(result.get(0).stored()).isFalse();
        assertThat(result.get(0).duplicates()).extracting(m -> m.id()).contains(stored.value());
        assertThat(result.get(1).errors()).extracting(FieldError::field).containsExactly("email");
        assertThat(result.get(2).stored()).isTrue();
        assertThat(allLeads()).hasSize(2);
    }

    @Test
    void aLeadSharingOnlyItsExactEmailIsFoundWhenTheEmailsKeyIsTooCommonToNominate() {
        // One mailbox with tags: twenty addresses share the email's key, a block too common to nominate alone.
        List<LeadId> stored = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stored.add(crm.leads().capture(i == 7 ? NewLead.of("Ada", "Lovelace", "ada+7@example.com")
                    : NewLead.of("Person" + (char) ('a' + i), "Other" + (char) ('a' + i),
                            "ada+" + i + "@example.com")));
        }
        NewLead typo = NewLead.of("Ada", "Lovelake", "ada+7@example.com"); // another name sound: only the email meets

        assertThat(crm.duplicates().of(crm.leads().preview(typo))).as("found one by one")
                .extracting(m -> m.id()).contains(stored.get(7).value());
        assertThat(crm.leads().captureAll(List.of(typo), found -> true).get(0).duplicates()).as("found in a batch")
                .extracting(m -> m.id()).contains(stored.get(7).value());
    }

    @Test
    void aStoredLeadSharingOnlyAnEmailIsFoundByEveryRowOfABatchWhoseOwnRowsMakeTheEmailsKeyCommon() {
        LeadId stored = crm.leads().capture(NewLead.of("Ada", "Lovelace", "info@acme.example"));
        List<NewLead> rows = new ArrayList<>();
        for (int i = 0; i < 18; i++) { // stored + these pass COMMON_BLOCK while the batch runs
            rows.add(NewLead.of("Person" + (char) ('a' + i), "Other" + (char) ('a' + i), "info@acme.example"));
        }

        List<BatchCapture> captured = crm.leads().captureAll(rows, found -> true);

        assertThat(captured).allSatisfy(c -> assertThat(c.duplicates()).as("an equal email always flags")
                .extracting(m -> m.id()).contains(stored.value()));
    }

    @Test
    void aLeadChangedBetweenTwoBatchesOfOneRunIsComparedAsItIsNowNotAsRemembered() {
        CaptureMemo memo = CaptureMemo.upTo(100);
        List<BatchCapture> first = crm.leads().captureAll(List.of(NewLead.of("Ada", "Lovelace", "ada@example.com"),
                NewLead.of("Ada", "Lovelace", "ada.lovelace@example.com")), found -> true, memo);
        LeadId kept = first.get(0).id();
        LeadId mergedAway = first.get(1).id();
        crm.leads().merge(crm.leads().get(kept), crm.leads().get(mergedAway)); // merged away: never a match again
        NewLead again = NewLead.of("Ada", "Lovelace", "ada.lovelace@example.com");
        List<java.util.UUID> withoutMemo = crm.duplicates().of(crm.leads().preview(again)).stream()
                .map(m -> m.id()).toList();

        List<java.util.UUID> withMemo = crm.leads().captureAll(List.of(again), found -> true, memo).get(0)
                .duplicates().stream().map(m -> m.id()).toList();

        assertThat(withMemo).contains(kept.value()).doesNotContain(mergedAway.value())
                .containsExactlyElementsOf(withoutMemo);
    }

    /**
     * Batches of three rows, each matched while the one before it is written where the storage allows: the rows that
     * repeat, nearly repeat (typos) and flag one another across batches come out as from one batch, with the same
     * owners drawn in turn, for the policy that flags and the one that skips.
     */
    @Test
    void aFileImportedInSmallBatchesHasTheOutcomesOfOneBatch() {
        StringBuilder file = new StringBuilder("Given name,Surname,E-mail,Phone,City,Postcode,Country,Date of birth\n");
        // Five people, so that a person's next row is one batch on or two: in the batch being written, or committed.
        String[] first = {"Ada", "Grace", "Alan", "Edsger", "Barbara"};
        String[] last = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov"};
        for (int i = 0; i < 30; i++) {
            int p = i % 5;
            String surname = i >= 12 && i % 4 == 0 ? last[p].substring(0, 2) + "x" + last[p].substring(3) : last[p];
            String email = i % 7 == 0 ? "" : first[p].toLowerCase(java.util.Locale.ROOT) + "@example.com";
            String phone = i % 3 == 0 ? "+61 2 9" + (1_000_000 + p) : "";
            file.append(first[p]).append(',').append(surname).append(',').append(email).append(',').append(phone)
                    .append(",Springfield,").append(4000 + p).append(",AU,")
                    .append(LocalDate.of(1970 + p, 1 + p, 1 + p)).append('\n');
        }
        AssignmentRules turns = AssignmentRules.roundRobin(Team.of("desk", UserId.of("rita"), UserId.of("rob"),
                UserId.of("ray")));
        for (DedupePolicy policy : List.of(DedupePolicy.FLAG, DedupePolicy.SKIP)) {
            Crm small = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock))
                    .with(new ImportSettings(1 << 20, 1000, 3)).with(turns)
                    .actor(new Actor(freshTenant(), UserId.SYSTEM, actor.roles())).build();
            Crm whole = Crm.builder().storage(storage()).clock(clock).ids(IdGenerator.timeOrdered(clock)).with(turns)
                    .actor(new Actor(freshTenant(), UserId.SYSTEM, actor.roles())).build();
            ImportRequest request = ImportRequest.csv(ImportTarget.LEAD).dedupe(policy);

            List<String> inBatches = shape(small, small.imports().run(request, csv(file.toString())));
            List<String> atOnce = shape(whole, whole.imports().run(request, csv(file.toString())));

            assertThat(inBatches).as("%s", policy).isEqualTo(atOnce);
            assertThat(atOnce).as("rows repeat and nearly repeat across batches")
                    .anyMatch(r -> r.contains("SKIPPED repeats an earlier row"))
                    .anyMatch(r -> r.contains(policy == DedupePolicy.FLAG ? "flags [row" : "SKIPPED duplicate"));
        }
    }

    /**
     * Each row's outcome with the records it names given as the rows that created them, and each created lead's
     * owner, score and flags (the flagged leads as rows too).
     */
    private static List<String> shape(Crm crm, ImportResult result) {
        java.util.Map<java.util.UUID, Integer> rowOf = new java.util.HashMap<>();
        result.rows().stream().filter(r -> r.action() == Action.CREATED && r.record() != null)
                .forEach(r -> rowOf.put(r.record(), r.row()));
        return result.rows().stream().map(r -> {
            String line = r.row() + " " + r.action() + " " + r.note() + " record row " + rowOf.get(r.record())
                    + " duplicate of row " + rowOf.get(r.duplicateOf());
            if (r.action() != Action.CREATED || r.record() == null) {
                return line;
            }
            Lead l = crm.leads().get(LeadId.of(r.record()));
            return line + " owner " + l.owner() + " score " + l.score() + " flags " + l.duplicates().stream()
                    .map(m -> "row " + rowOf.get(m.id()) + " " + m.score() + " " + m.certainty()).sorted().toList();
        }).toList();
    }

    /** Each match as the index of the matched lead in {@code ids} (or "contact"), its score and certainty. */
    private static List<String> flags(List<dev.crmkit.core.lead.DuplicateMatch> matches, List<LeadId> ids) {
        return matches.stream().map(m -> (m.lead().isPresent() ? "lead " + ids.indexOf(m.lead().get())
                : "contact") + " " + m.score() + " " + m.certainty()).sorted().toList();
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Lead> allLeads() {
        return crm.leads().search(LeadQuery.all(), PageRequest.first(100)).items().stream()
                .sorted(Comparator.comparing(Lead::createdAt)).toList();
    }

    private Lead lead(String email) {
        return allLeads().stream()
                .filter(l -> l.reach().email() != null && l.reach().email().value().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no lead " + email));
    }
}
