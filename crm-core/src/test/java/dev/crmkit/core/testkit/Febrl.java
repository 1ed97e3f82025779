package dev.crmkit.core.testkit;

import dev.crmkit.core.common.Address;
import dev.crmkit.core.lead.LeadSource;
import dev.crmkit.core.lead.NewLead;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The labelled FEBRL person records (test resources {@code febrl/}, see their README for source and licence) as
 * leads an import would capture: name, street (number, line 1, line 2), suburb, postcode, state, date of birth.
 * Records of one person share their {@link Record#person() person} number.
 */
public final class Febrl {
    /** One CSV row: its id ({@code rec-17-org}), the person it describes, and the lead it becomes. */
    public record Record(String id, int person, NewLead lead) {
    }

    private Febrl() {
    }

    /** Originals (4a) and duplicates (4b) of the people numbered below {@code people} (5,000 for all). */
    public static List<Record> records(int people) {
        List<Record> all = new ArrayList<>();
        all.addAll(read("febrl/dataset4a.csv", people));
        all.addAll(read("febrl/dataset4b.csv", people));
        return all;
    }

    /**
     * One of the other FEBRL data sets, whole: {@code 1} (1,000 records, 500 people with one duplicate each), {@code 2}
     * (5,000 records, 4,000 people, up to 5 duplicates of one person) or {@code 3} (5,000 records, 2,000 people, up to
     * 5 duplicates, more typos per record).
     */
    public static List<Record> dataSet(int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("FEBRL data sets 1 to 3, not " + number);
        }
        return read("febrl/dataset" + number + ".csv", Integer.MAX_VALUE);
    }

    /** The pairs of {@code records} that describe the same person: every two records of a person. */
    public static long truePairs(List<Record> records) {
        Map<Integer, Integer> perPerson = new HashMap<>();
        records.forEach(r -> perPerson.merge(r.person(), 1, Integer::sum));
        return perPerson.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    private static List<Record> read(String resource, int people) {
        List<Record> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Febrl.class.getClassLoader().getResourceAsStream(resource),
                resource); BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                int person = Integer.parseInt(f[0].split("-")[1]);
                if (person < people) {
                    out.add(new Record(f[0], person, lead(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth. */
    private static NewLead lead(String[] f) {
        String street = String.join(" ", f[3], f[4], f[5]).strip();
        Address address = new Address(street, f[6], f[8], f[7], "AU", null);
        return new NewLead(f[1], f[2], null, null, null, null, address, LeadSource.IMPORT, null, null, null, null, null,
                null, birthDate(f[9]));
    }

    /** The date, or null where the typos made it no date at all (an import would drop such a value). */
    private static LocalDate birthDate(String yyyymmdd) {
        if (yyyymmdd.length() != 8) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6)));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
