package dev.crmkit.web;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.lead.WebFormSubmission;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background CSV lead imports with their progress. The header row names the form's fields (first, last, email,
 * company, phone); each later row is one lead, captured through the website's form mapping, so a bad row is
 * reported with its number and field and stored nothing, and the other rows go in.
 */
final class LeadUploads {
    /** What a running or finished upload reports. */
    record Progress(int total, int done, int created, List<String> errors, boolean finished) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", total);
            m.put("done", done);
            m.put("created", created);
            m.put("failed", errors.size());
            m.put("errors", errors);
            m.put("finished", finished);
            return m;
        }
    }

    private static final int MAX_ROWS = 10_000;

    private final Crm website;
    private final Map<String, Progress> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lead-upload");
        t.setDaemon(true);
        return t;
    });

    LeadUploads(Crm website) {
        this.website = website;
    }

    /** Checks the file (UTF-8, a known header, not too many rows) and starts importing it; returns the job id. */
    String start(byte[] content) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("The file is empty.");
        }
        List<String> header = Csv.split(lines.get(0)).stream().map(String::strip).toList();
        for (String column : header) {
            if (!LandingController.CONTACT_US.fields().containsKey(column)) {
                throw new IllegalArgumentException("Unknown column '" + column + "'; known: "
                        + LandingController.CONTACT_US.fields().keySet());
            }
        }
        List<String> rows = lines.subList(1, lines.size());
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per file; this one has " + rows.size());
        }
        String job = UUID.randomUUID().toString();
        jobs.put(job, new Progress(rows.size(), 0, 0, List.of(), false));
        worker.submit(() -> run(job, header, rows));
        return job;
    }

    Optional<Progress> progress(String job) {
        return Optional.ofNullable(jobs.get(job));
    }

    private void run(String job, List<String> header, List<String> rows) {
        int created = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = i + 2;   // as a spreadsheet numbers it, header being row 1
            List<String> cells = Csv.split(rows.get(i));
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                if (!cells.get(c).isBlank()) {
                    fields.put(header.get(c), cells.get(c).strip());
                }
            }
            try {
                website.leads().captureForm(LandingController.CONTACT_US, WebFormSubmission.of(fields)
                        .withSubmissionId("upload-" + job + "-" + rowNumber));
                created++;
            } catch (ValidationException e) {
                for (FieldError error : e.errors()) {
                    errors.add("row " + rowNumber + ": " + error.field() + ": " + error.reason());
                }
            }
            jobs.put(job, new Progress(rows.size(), i + 1, created, List.copyOf(errors), false));
        }
        jobs.put(job, new Progress(rows.size(), rows.size(), created, List.copyOf(errors), true));
    }

    /** One CSV line split into cells: commas separate, double quotes enclose, "" inside quotes is a quote. */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
