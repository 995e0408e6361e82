package cn.yuqing.analysis.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.analysis.ItemAnalyses;
import cn.yuqing.analysis.Sentiment;
import cn.yuqing.analysis.Schemes;
import cn.yuqing.analysis.SentimentCorrections;
import cn.yuqing.analysis.TopicCorrections;
import cn.yuqing.intake.Items;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;

import static cn.yuqing.organisation.Accounts.signedIn;

/** What analysis read in one item, with the analyst's correction of its sentiment. */
@Controller
class AnalysisItemController {

    private final Items items;
    private final ItemAnalyses analyses;
    private final SentimentCorrections corrections;
    private final TopicCorrections topicCorrections;
    private final Schemes schemes;
    private final Accounts accounts;

    AnalysisItemController(Items items, ItemAnalyses analyses, SentimentCorrections corrections,
            TopicCorrections topicCorrections, Schemes schemes, Accounts accounts) {
        this.topicCorrections = topicCorrections;
        this.schemes = schemes;
        this.items = items;
        this.analyses = analyses;
        this.corrections = corrections;
        this.accounts = accounts;
    }

    @GetMapping("/analysis/items/{id}")
    @PreAuthorize("hasAuthority('analysis:candidate:view')")
    String show(@PathVariable Long id, Model model) {
        DataScope scope = accounts.currentScope();
        model.addAttribute("item", items.require(id, scope));
        model.addAttribute("analysis", analyses.find(id).orElse(null));
        model.addAttribute("sentiments", Sentiment.values());
        model.addAttribute("schemes", schemes.all());
        return "analysis/item";
    }

    @PostMapping("/analysis/items/{id}/sentiment")
    @PreAuthorize("hasAuthority('analysis:sentiment:correct')")
    String correct(@PathVariable Long id, @RequestParam Sentiment sentiment, RedirectAttributes redirect) {
        corrections.correct(id, sentiment, accounts.currentScope(), signedIn());
        redirect.addFlashAttribute("notice", "已更正为“" + sentiment.label() + "”，模型将据此学习");
        return "redirect:/analysis/items/" + id;
    }

    @PostMapping("/analysis/items/{id}/topics")
    @PreAuthorize("hasAuthority('analysis:topic:correct')")
    String topics(@PathVariable Long id, @RequestParam(name = "schemes", required = false) java.util.Set<Long> chosen,
            RedirectAttributes redirect) {
        topicCorrections.correct(id, chosen == null ? java.util.Set.of() : chosen, accounts.currentScope(),
                signedIn());
        redirect.addFlashAttribute("notice", "已更正所属主题，模型将据此学习");
        return "redirect:/analysis/items/" + id;
    }
}
