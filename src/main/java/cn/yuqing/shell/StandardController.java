package cn.yuqing.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The standard itself, clause by clause, so that every step of the flow chart and every refusal
 * that names a clause can link to its words ({@code /standard#c4-4}).
 */
@Controller
class StandardController {

    private static final Pattern CLAUSE = Pattern.compile("^(\\d+(?:\\.\\d+)*)[\\s\\u3000]+(\\S.*)$");

    /** A heading (with its clause number) or a paragraph. */
    record Block(String clause, String text) {
        public String anchor() {
            return clause == null ? null : "c" + clause.replace('.', '-');
        }
    }

    private final List<Block> blocks;

    StandardController() {
        try {
            String text = new ClassPathResource("standard/Q-HCGK-YX4-2018.txt").getContentAsString(StandardCharsets.UTF_8);
            List<Block> read = new ArrayList<>();
            for (String line : text.split("\\R")) {
                String stripped = line.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                Matcher m = CLAUSE.matcher(stripped);
                read.add(m.matches() ? new Block(m.group(1), m.group(2)) : new Block(null, stripped));
            }
            this.blocks = List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/standard")
    @PreAuthorize("isAuthenticated()")
    String standard(Model model) {
        model.addAttribute("blocks", blocks);
        return "standard";
    }
}
