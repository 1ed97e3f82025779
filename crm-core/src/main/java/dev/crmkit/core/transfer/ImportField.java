package dev.crmkit.core.transfer;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A field a column of an import file can fill, with the header an export writes for it and the headers
 * {@link ColumnMapping#byHeader()} recognises (compared ignoring case, spaces and punctuation). {@code COMPANY} is a
 * lead's company, a contact's account (found by name, created when there is none) and an account's name. Dates are
 * {@code yyyy-mm-dd} (or {@code yyyymmdd}); consents are yes/no, true/false, y/n or 1/0; tags are separated by
 * {@code ;} or {@code ,}.
 */
public enum ImportField {
    FIRST_NAME("First name", people(), "firstname", "givenname", "forename", "first"),
    LAST_NAME("Last name", people(), "lastname", "surname", "familyname", "last"),
    COMPANY("Company", all(), "company", "companyname", "organization", "organisation", "org", "account",
            "accountname"),
    TITLE("Title", people(), "title", "jobtitle", "position"),
    EMAIL("Email", people(), "email", "emailaddress", "mail"),
    PHONE("Phone", people(), "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone"),
    STREET("Street", all(), "street", "streetaddress", "address", "address1", "addressline1"),
    CITY("City", all(), "city", "town", "suburb", "locality"),
    REGION("Region", all(), "region", "state", "province", "county"),
    POSTAL_CODE("Postal code", all(), "postalcode", "postcode", "zip", "zipcode"),
    COUNTRY("Country", all(), "country", "countrycode"),
    BIRTH_DATE("Birth date", people(), "birthdate", "dateofbirth", "dob", "birthday"),
    WEBSITE("Website", EnumSet.of(ImportTarget.ACCOUNT), "website", "web", "url", "domain"),
    INDUSTRY("Industry", EnumSet.of(ImportTarget.ACCOUNT), "industry"),
    TAGS("Tags", all(), "tags", "labels"),
    EMAIL_MARKETING("Email marketing", people(), "emailmarketing", "emailconsent", "emailoptin"),
    PHONE_CONTACT("Phone contact", people(), "phonecontact", "phoneconsent"),
    POSTAL_MAIL("Postal mail", people(), "postalmail", "postalconsent", "mailconsent", "directmail");

    private final String header;
    private final Set<ImportTarget> targets;
    private final List<String> synonyms;

    ImportField(String header, Set<ImportTarget> targets, String... synonyms) {
        this.header = header;
        this.targets = targets;
        this.synonyms = List.of(synonyms);
    }

    /** The header an export writes for this field. */
    public String header() {
        return header;
    }

    /** Whether rows of {@code target} have this field. */
    public boolean appliesTo(ImportTarget target) {
        return targets.contains(target);
    }

    /** The field a header names for {@code target}; an account's "Name" is its {@code COMPANY}. */
    static Optional<ImportField> recognise(String header, ImportTarget target) {
        String key = normalise(header);
        if (target == ImportTarget.ACCOUNT && key.equals("name")) {
            return Optional.of(COMPANY);
        }
        for (ImportField f : values()) {
            if (f.appliesTo(target) && f.synonyms.contains(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A header without case, spaces or punctuation: "E-mail address" and "email_address" are one. */
    static String normalise(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Set<ImportTarget> all() {
        return EnumSet.allOf(ImportTarget.class);
    }

    private static Set<ImportTarget> people() {
        return EnumSet.of(ImportTarget.LEAD, ImportTarget.CONTACT);
    }
}
