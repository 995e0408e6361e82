package cn.yuqing.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Texts in, one per line; one JSON line out per text: sentiment and its signals (and the lexicon
 * baseline), topics matched, places and units found, keywords, suggested criteria. Offices use
 * it on exported material; anyone can evaluate the analysis on a labelled set with it.
 */
@Service
public class BatchAnalysis {

    static final int MAX_LINE = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisEngine engine;
    private final Schemes schemes;

    BatchAnalysis(AnalysisEngine engine, Schemes schemes) {
        this.engine = engine;
        this.schemes = schemes;
    }

    public int run(BufferedReader in, Writer out, int maxLines) throws IOException {
        TextPipeline pipeline = engine.pipeline();
        Map<Long, String> schemeNames = new LinkedHashMap<>();
        schemes.all().forEach(s -> schemeNames.put(s.id(), s.name()));
        String line;
        int n = 0;
        while ((line = in.readLine()) != null && n < maxLines) {
            n++;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", n);
            if (line.isBlank()) {
                row.put("error", "空行");
            } else if (line.length() > MAX_LINE) {
                row.put("error", "超过" + MAX_LINE + "字");
            } else {
                Features f = pipeline.analyse(null, line, null, null);
                row.put("sentiment", f.sentiment().sentiment().name());
                row.put("signals", f.sentiment().signals().stream().map(Enum::name).sorted().toList());
                row.put("method", f.sentiment().method());
                row.put("baseline", f.baseline().sentiment().name());
                row.put("reasons", f.baseline().reasons());
                row.put("topics", f.schemes().keySet().stream().map(id -> schemeNames.getOrDefault(id, String.valueOf(id)))
                        .toList());
                row.put("places", f.placeNames());
                row.put("units", f.unitNames());
                row.put("keywords", f.keywords());
                row.put("criteria", List.copyOf(f.criteria().keySet()));
            }
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        }
        out.flush();
        return n;
    }
}
