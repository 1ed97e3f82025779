package dev.crmkit.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ReportResult} as text. Dimension keys are shown by their labels where a result has them. */
public enum ReportFormat {
    /** An aligned table for consoles and logs: a title line, a header, a rule, then rows; numbers right-aligned. */
    TEXT {
        @Override
        public String render(ReportResult r) {
            List<String> header = new ArrayList<>();
            r.dimensions().forEach(d -> header.add(d.name()));
            header.addAll(r.measures());
            List<List<String>> cells = new ArrayList<>();
            for (ReportRow row : r.rows()) {
                List<String> line = new ArrayList<>();
                for (int d = 0; d < r.dimensions().size(); d++) {
                    String key = row.key(d);
                    line.add(key == null ? NONE : r.label(r.dimensions().get(d), key));
                }
                row.values().forEach(v -> line.add(number(v)));
                cells.add(line);
            }
            int[] width = new int[header.size()];
            for (int c = 0; c < width.length; c++) {
                width[c] = header.get(c).length();
                for (List<String> line : cells) {
                    width[c] = Math.max(width[c], line.get(c).length());
                }
            }
            StringBuilder out = new StringBuilder(r.name()).append(windowText(r.window())).append('\n');
            line(out, header, width, r.dimensions().size());
            for (int c = 0; c < width.length; c++) {
                out.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
            }
            out.append('\n');
            for (List<String> line : cells) {
                line(out, line, width, r.dimensions().size());
            }
            return out.toString();
        }

        private void line(StringBuilder out, List<String> cells, int[] width, int textColumns) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(c < textColumns ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    },
    /**
     * RFC 4180: a header row of column names, CRLF line ends, fields with commas, quotes or line breaks quoted
     * (quotes doubled). Dimension columns hold keys; a dimension with labels gets a {@code <DIMENSION>_LABEL}
     * column after it. No value is an empty field.
     */
    CSV {
        @Override
        public String render(ReportResult r) {
            List<String> header = new ArrayList<>();
            for (Dimension d : r.dimensions()) {
                header.add(d.name());
                if (r.labels().containsKey(d)) {
                    header.add(d.name() + "_LABEL");
                }
            }
            header.addAll(r.measures());
            StringBuilder out = new StringBuilder();
            record(out, header);
            for (ReportRow row : r.rows()) {
                List<String> fields = new ArrayList<>();
                for (int d = 0; d < r.dimensions().size(); d++) {
                    Dimension dim = r.dimensions().get(d);
                    fields.add(row.key(d));
                    if (r.labels().containsKey(dim)) {
                        fields.add(r.label(dim, row.key(d)));
                    }
                }
                row.values().forEach(v -> fields.add(v == null ? null : v.toPlainString()));
                record(out, fields);
            }
            return out.toString();
        }

        private void record(StringBuilder out, List<String> fields) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(fields.get(i)));
            }
            out.append("\r\n");
        }

        private String quote(String field) {
            if (field == null) {
                return "";
            }
            if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0
                    && field.indexOf('\n') < 0) {
                return field;
            }
            return '"' + field.replace("\"", "\"\"") + '"';
        }
    },
    /** The whole result as JSON (see {@link ReportJson#readResult}); numbers exact, keys and labels apart. */
    JSON {
        @Override
        public String render(ReportResult r) {
            return ReportJson.write(r);
        }
    };

    /** Shown in text tables for facts without a value. */
    static final String NONE = "(none)";

    public abstract String render(ReportResult result);

    static String number(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    static String windowText(TimeWindow w) {
        if (w == null || (w.from() == null && w.to() == null)) {
            return "";
        }
        return " [" + (w.from() == null ? "" : w.from()) + " .. " + (w.to() == null ? "" : w.to()) + ")";
    }
}
