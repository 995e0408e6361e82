package cn.yuqing.reporting;

import java.time.LocalDate;
import java.util.List;

/** A report as written: its parts, tables and chart, in the order the document shows them. */
public record Report(String fileName, String title, String subtitle, List<Part> parts, Chart chart, List<Table> tables,
        String issuer, LocalDate date) {

    public record Part(String heading, String body) {
    }

    public record Table(String name, List<String> header, List<List<String>> rows) {
    }

    /** Counts per label with a percentage line; drawn as an image in the .docx and listed in the .xlsx. */
    public record Chart(String title, List<String> labels, List<Integer> items, List<Double> share) {
    }
}
