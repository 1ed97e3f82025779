package dev.crmkit.core.transfer;

/**
 * Cells safe to open in a spreadsheet: a value starting with {@code = + - @}, a tab or a carriage return would be
 * run as a formula (OWASP "CSV injection"), so an export writes it after a single quote, which spreadsheets show as
 * text and an import takes off again. A value that itself starts with quotes before such a character gets one more,
 * so that every value comes back exactly as it was written.
 */
final class CsvCells {
    private CsvCells() {
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether {@code value} is written after a quote: it starts with a formula character, or quotes before one. */
    static boolean needsQuote(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && isFormulaStart(value.charAt(i));
    }

    /** The cell an export writes for {@code value} (null is empty). */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return needsQuote(value) ? "'" + value : value;
    }

    /** The value an import reads from a cell {@link #safe} wrote. */
    static String read(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && needsQuote(cell.substring(1)) ? cell.substring(1)
                : cell;
    }
}
