package cn.yuqing.intake.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.yuqing.intake.Channel;
import cn.yuqing.intake.Channels;
import cn.yuqing.intake.IntakeResult;
import cn.yuqing.intake.ItemIntake;
import cn.yuqing.intake.ItemSubmission;
import cn.yuqing.intake.Patrols;
import cn.yuqing.intake.Provenance;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.shared.Times;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * The monitor's capture form, phone first: an offline visit, letter or call, or an online post
 * found by hand (URL, text, screenshot). A hidden token makes a double tap one item.
 */
@Controller
class CaptureController {

    private final Channels channels;
    private final ItemIntake intake;
    private final Patrols patrols;
    private final Accounts accounts;

    CaptureController(Channels channels, ItemIntake intake, Patrols patrols, Accounts accounts) {
        this.channels = channels;
        this.intake = intake;
        this.patrols = patrols;
        this.accounts = accounts;
    }

    @GetMapping("/intake/capture")
    @PreAuthorize("hasAuthority('intake:item:capture')")
    String form(@RequestParam(required = false) Long channel, @RequestParam(required = false) Long patrol, Model model) {
        model.addAttribute("channelId", channel);
        model.addAttribute("patrolId", patrol);
        model.addAttribute("formToken", UUID.randomUUID().toString());
        return page(model);
    }

    private String page(Model model) {
        List<Channel> visible = channels.visible(accounts.currentScope()).stream().filter(Channel::active).toList();
        model.addAttribute("onlineChannels", visible.stream().filter(Channel::online).toList());
        model.addAttribute("offlineChannels", visible.stream().filter(c -> !c.online()).toList());
        return "intake/capture";
    }

    @PostMapping("/intake/capture")
    @PreAuthorize("hasAuthority('intake:item:capture')")
    String capture(@RequestParam(required = false) Long channelId, @RequestParam String formToken,
            @RequestParam(required = false) String url, @RequestParam(required = false) String title,
            @RequestParam(required = false) String text, @RequestParam(required = false) String author,
            @RequestParam(required = false) String publishedAt, @RequestParam(required = false) Long patrolId,
            @RequestParam(defaultValue = "false") boolean urgent, @RequestParam(required = false) String urgentReason,
            @RequestParam(required = false) String replyTo,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        DataScope scope = accounts.currentScope();
        String error = null;
        if (channelId == null) {
            error = "请选择渠道";
        } else if (!formToken.matches("[0-9a-f-]{36}")) {
            error = "表单已失效，请刷新后重新填写";
        }
        if (error == null) {
            try {
                channels.require(channelId, scope);
            } catch (RuntimeException e) {
                error = "未知的渠道或无权在该渠道录入";
            }
        }
        Long patrol = patrolId != null && patrols.find(patrolId).filter(p -> p.channelId().equals(channelId)
                && p.monitorId().equals(signedIn().personId())).isPresent() ? patrolId : null;
        java.time.Instant published = null;
        if (error == null && publishedAt != null && !publishedAt.isBlank()) {
            try {
                published = LocalDateTime.parse(publishedAt).atZone(Times.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                error = "发布时间格式不正确";
            }
        }
        if (error == null) {
            List<ItemSubmission.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                if (!f.isEmpty()) {
                    uploads.add(new ItemSubmission.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                }
            }
            ItemSubmission submission = new ItemSubmission(channelId, "form:" + formToken, url, title, text, author, published,
                    null, null, null, null, urgent, urgentReason, uploads, replyTo);
            IntakeResult result = intake.receive(submission, Provenance.monitor(signedIn().getUsername(), signedIn().personId(),
                    patrol));
            switch (result.status()) {
                case CREATED -> {
                    redirect.addFlashAttribute("notice", urgent ? "已录入，并已立即上报研判人员和单位负责人" : "已录入");
                    return "redirect:/intake/items/" + result.itemId();
                }
                case DUPLICATE -> {
                    redirect.addFlashAttribute("notice", "该信息已录入过（重复提交或同一网址），未重复保存");
                    return "redirect:/intake/items/" + result.itemId();
                }
                case REJECTED -> error = result.reason();
            }
        }
        response.setStatus(422);
        model.addAttribute("error", error);
        model.addAttribute("channelId", channelId);
        model.addAttribute("patrolId", patrolId);
        model.addAttribute("formToken", formToken);
        model.addAttribute("url", url);
        model.addAttribute("replyTo", replyTo);
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("author", author);
        model.addAttribute("publishedAt", publishedAt);
        model.addAttribute("urgent", urgent);
        model.addAttribute("urgentReason", urgentReason);
        return page(model);
    }
}
