package dev.crmkit.core.transfer;

import dev.crmkit.core.common.FieldError;
import dev.crmkit.core.common.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a whole import file into rows before anything is written, so that a file too large, in the wrong encoding
 * or with columns nobody mapped is refused with nothing stored. Bounded by {@link ImportSettings}: at most
 * {@code maxBytes} are read, whatever the stream holds.
 */
final class ImportFile {
    private ImportFile() {
    }

    static List<SourceRow> read(ImportRequest request, InputStream in, ImportSettings limits) {
        String text = decode(request, readBounded(in, limits.maxBytes()));
        List<SourceRow> rows = request.format() == ImportFormat.VCARD ? VCards.read(text, request.target())
                : csv(text, request);
        if (rows.size() > limits.maxRows()) {
            throw new ValidationException("file", "has " + rows.size() + " rows; at most " + limits.maxRows()
                    + " are imported at once");
        }
        return rows;
    }

    private static byte[] readBounded(InputStream in, long maxBytes) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ValidationException("file", "is larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import file", e);
        }
    }

    private static String decode(ImportRequest request, byte[] bytes) {
        Charset encoding = request.encoding();
        if (encoding.equals(StandardCharsets.UTF_8) && startsWithUtf16Mark(bytes)) {
            // A UTF-16 byte-order mark (spreadsheets' "Unicode text"): never valid UTF-8, so no UTF-8 file is misread.
            encoding = StandardCharsets.UTF_16;
        }
        try {
            String text = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            String line = "line " + lineOfFirstBadByte(encoding, bytes);
            throw new ValidationException("file", "is not valid " + encoding.name() + " (" + line
                    + "); save it as " + StandardCharsets.UTF_8.name() + " or name its encoding");
        }
    }

    private static boolean startsWithUtf16Mark(byte[] b) {
        return b.length >= 2 && (b[0] == (byte) 0xff && b[1] == (byte) 0xfe || b[0] == (byte) 0xfe && b[1] == (byte) 0xff);
    }

    private static int lineOfFirstBadByte(Charset encoding, byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                try {
                    encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static List<SourceRow> csv(String text, ImportRequest request) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new ValidationException("file", "is empty: a header row is needed");
            }
            List<String> headers = records.get(0).toList();
            ColumnMapping.Columns columns = request.mapping().resolve(headers, request.target());
            Map<ImportField, String> headerOf = new EnumMap<>(ImportField.class);
            columns.fields().forEach((f, i) -> headerOf.put(f, headers.get(i)));
            List<SourceRow> rows = new ArrayList<>(records.size() - 1);
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                List<FieldError> errors = new ArrayList<>();
                if (record.size() > headers.size()) {
                    errors.add(new FieldError("row", "has " + record.size() + " cells; the header has "
                            + headers.size()));
                }
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                columns.fields().forEach((f, i) -> values.put(f, cell(record, i)));
                Map<String, String> custom = new LinkedHashMap<>();
                columns.customFields().forEach((name, i) -> {
                    String v = cell(record, i);
                    if (!v.isBlank()) {
                        custom.put(name, v);
                    }
                });
                rows.add(new SourceRow(r + 1, values, custom, headerOf, errors));
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new ValidationException("file", "is not readable as CSV: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new ValidationException("file", "is not well-formed CSV: " + e.getMessage());
        }
    }

    /** A cell's text; a quote a CSV export put before a formula character to disarm it is taken off again. */
    private static String cell(CSVRecord record, int i) {
        return CsvCells.read(i < record.size() ? record.get(i) : "");
    }

    /** The header row's most frequent of comma, semicolon and tab (European spreadsheets write semicolons). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > most) {
                best = c;
                most = n;
            }
        }
        return best;
    }
}
