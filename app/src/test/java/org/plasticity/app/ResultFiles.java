package org.plasticity.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A run's result files as text to compare, with the run records (measurements of the run, not results) removed. */
final class ResultFiles {
    /** Run records that are measurements of the run, not results: removed before comparing. */
    static final Set<String> RUN_RECORDS = Set.of("wall_seconds", "threads", "seconds",
            "point_seconds_total", "point_seconds_mean", "wall_seconds_this_run", "points_per_minute_this_run");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFiles() {}

    /**
     * Every file under {@code dir} by relative path: JSON and JSON lines without the run records, CSV without their
     * columns, anything else as its bytes (Latin-1, so a PNG compares byte for byte).
     */
    static Map<String, String> normalised(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(f).toString();
                if (name.startsWith(".")) {
                    continue; // the sweep's lock file
                }
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (name.endsWith(".json")) {
                    text = withoutRunRecords(JSON.readTree(text)).toString();
                } else if (name.endsWith(".jsonl")) {
                    List<String> out = new ArrayList<>();
                    for (String line : text.split("\n")) {
                        out.add(withoutRunRecords(JSON.readTree(line)).toString());
                    }
                    out.sort(null); // points finish in any order; each line is one point
                    text = String.join("\n", out);
                } else if (name.endsWith(".csv")) {
                    text = withoutRunColumns(text);
                } else if (name.endsWith(".html")) {
                    // the header's "N threads, T s." and the training table's last column (seconds)
                    text = text.replaceAll("\\d+ threads, \\d+ s\\.", "<run>")
                            .replaceAll("<td>[0-9.]+</td></tr>", "<td>-</td></tr>");
                } else if (name.endsWith(".md")) {
                    text = text.replaceAll("\\| [0-9.]+ \\|(\\r?\\n|$)", "| - |$1"); // the seconds column
                }
                files.put(name, text);
            }
        }
        return files;
    }

    static JsonNode withoutRunRecords(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(RUN_RECORDS);
            o.forEach(ResultFiles::withoutRunRecords);
        } else if (n instanceof ArrayNode a) {
            a.forEach(ResultFiles::withoutRunRecords);
        }
        return n;
    }

    static String withoutRunColumns(String csv) {
        String[] rows = csv.split("\n");
        String[] header = rows[0].split(",", -1);
        StringBuilder out = new StringBuilder();
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                if (c < header.length && !RUN_RECORDS.contains(header[c])) {
                    out.append(cells[c]).append(',');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

}
