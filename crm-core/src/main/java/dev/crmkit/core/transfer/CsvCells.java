package dev.crmkit.core.transfer;

/**
 * Cells safe to open in a spreadsheet: a value starting with {@code = + - @}, a tab or a carriage return would be
 * run as a formula (OWASP "CSV injection"), so an export writes it after a single quote, which spreadsheets show as
 * text and an import takes off again.
 */
final class CsvCells {
    private CsvCells() {
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }
}
