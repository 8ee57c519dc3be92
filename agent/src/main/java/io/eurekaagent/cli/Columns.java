package io.eurekaagent.cli;

import java.io.PrintStream;
import java.util.List;

/** Rows printed as aligned columns, two spaces apart, the first row being the headers. */
final class Columns {
    private Columns() {
    }

    static void print(PrintStream out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], String.valueOf(row[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = String.valueOf(row[i]);
                line.append(cell).append(i < row.length - 1 ? " ".repeat(widths[i] - cell.length() + 2) : "");
            }
            out.println(line);
        }
    }
}
