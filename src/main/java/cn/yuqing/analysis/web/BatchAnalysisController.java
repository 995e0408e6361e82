package cn.yuqing.analysis.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.yuqing.analysis.BatchAnalysis;

/**
 * {@code POST /api/analysis/batch}: UTF-8 text, one text per line (at most 10,000 lines);
 * answers {@code application/x-ndjson}, one JSON line per text. The same as the command line.
 */
@RestController
class BatchAnalysisController {

    static final int MAX_LINES = 10_000;

    private final BatchAnalysis batch;

    BatchAnalysisController(BatchAnalysis batch) {
        this.batch = batch;
    }

    @PostMapping("/api/analysis/batch")
    @PreAuthorize("hasAuthority('analysis:batch:run')")
    void analyse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > 20L * 1024 * 1024) {
            response.sendError(413, "请求内容超过20MB");
            return;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader in = new BufferedReader(new InputStreamReader(request.getInputStream(), decoder));
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        batch.run(in, out, MAX_LINES);
    }
}
