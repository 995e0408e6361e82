package cn.yuqing.citizen;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.intake.Items;
import cn.yuqing.intake.OpinionItem;
import cn.yuqing.notification.CitizenMessage;
import cn.yuqing.notification.Deliveries;
import cn.yuqing.notification.Delivery;
import cn.yuqing.opinion.EventSnapshot;
import cn.yuqing.opinion.OpinionEvents;
import cn.yuqing.opinion.WorkOrderExtended;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.NotFound;
import cn.yuqing.shared.NotificationRequested;
import cn.yuqing.shared.Times;

/**
 * The answer back to the citizen and the 回访 after it. A reply completes the unit's work order and
 * opens a survey; the survey link goes with an SMS or e-mail reply (or alone by SMS after a phone
 * reply, where the citizen gave a mobile number). 不满意 reopens the order (重办) with its own
 * clock; a second 不满意 on the same order is reported to the government office as well.
 */
@Service
@Transactional
public class CitizenReplies {

    /** How many of an event's citizens with a way back are offered to answer (and told of an extension). */
    static final int ITEMS_OFFERED = 200;

    /** A view of one citizen an event's unit may answer: the item, and the contact in full or masked. */
    public record Citizen(Long itemId, String title, String author, String contactShown) {
    }

    private final CitizenReplyRepository replies;
    private final SurveyRepository surveys;
    private final SurveyLinks links;
    private final OpinionEvents opinions;
    private final Items items;
    private final Deliveries deliveries;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration surveyValid;

    CitizenReplies(CitizenReplyRepository replies, SurveyRepository surveys, SurveyLinks links, OpinionEvents opinions, Items items,
            Deliveries deliveries, OrganisationDirectory directory, ApplicationEventPublisher publisher, Clock clock,
            @Value("${yuqing.citizen.survey-valid:P7D}") Duration surveyValid) {
        this.replies = replies;
        this.surveys = surveys;
        this.links = links;
        this.opinions = opinions;
        this.items = items;
        this.deliveries = deliveries;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
        this.surveyValid = surveyValid;
    }

    // ---- reading -------------------------------------------------------------------------------

    /** The event's work orders the reader's unit holds and may answer by a reply (signed for, or done and now reopened). */
    @Transactional(readOnly = true)
    public List<OpinionEvents.OrderSnapshot> answerable(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return opinions.orders(eventId).stream().filter(o -> scope.covers(o.unitId()) && "ACCEPTED".equals(o.status())).toList();
    }

    /** Whether the reader must reply on the event: their unit holds one of its orders that is not withdrawn or sent back. */
    @Transactional(readOnly = true)
    public boolean mustReply(Long eventId, DataScope scope, SignedInPerson reader) {
        return reader.can(CitizenPermissions.REPLY) && !scope.installationWide() && opinions.orders(eventId).stream()
                .anyMatch(o -> scope.covers(o.unitId()) && ("ACCEPTED".equals(o.status()) || "DONE".equals(o.status())));
    }

    /** The citizens of the event who left a way back; the contact in full only to those who must reply. */
    @Transactional(readOnly = true)
    public List<Citizen> citizens(Long eventId, DataScope scope, SignedInPerson reader) {
        opinions.event(eventId, scope);
        boolean full = mustReply(eventId, scope, reader);
        List<Citizen> list = new ArrayList<>();
        for (OpinionItem item : items.byIds(opinions.contactableItemIds(eventId, ITEMS_OFFERED))) {
            String c = item.contact();
            if (c != null && !c.isBlank()) {
                list.add(new Citizen(item.id(), item.title() == null ? shorten(item.body(), 40) : item.title(), item.author(),
                        full ? c : Contacts.mask(c)));
            }
        }
        return list;
    }

    @Transactional(readOnly = true)
    public List<CitizenReply> replies(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return replies.findByEvent(eventId);
    }

    @Transactional(readOnly = true)
    public List<Survey> surveys(Long eventId, DataScope scope) {
        opinions.event(eventId, scope);
        return surveys.findByEvent(eventId);
    }

    /** How each sent reply went out (the notification queue's record), by reply id. */
    @Transactional(readOnly = true)
    public Map<Long, String> deliveryOf(List<CitizenReply> list) {
        Map<Long, String> shown = new java.util.HashMap<>();
        for (CitizenReply r : list) {
            if (r.channel().sent()) {
                List<Delivery> sent = deliveries.ofReference("reply:" + r.id());
                shown.put(r.id(), sent.isEmpty() ? "未发送" : sent.get(0).status().label()
                        + (sent.get(0).lastError() == null ? "" : "（" + sent.get(0).lastError() + "）"));
            }
        }
        return shown;
    }

    // ---- replying ------------------------------------------------------------------------------

    /**
     * The unit answers the citizen of one of the event's items through the chosen channel; the
     * order it answers is done, and the survey opens. Refused, with nothing stored, when the channel
     * does not fit the contact or is not configured.
     */
    public CitizenReply reply(Long eventId, Long orderId, Long itemId, CitizenReply.Channel channel, String text, DataScope scope,
            SignedInPerson by) {
        EventSnapshot event = opinions.event(eventId, scope);
        OpinionEvents.OrderSnapshot order = answerable(eventId, scope).stream().filter(o -> o.id().equals(orderId)).findFirst()
                .orElseThrow(() -> new DomainRuleViolation("4.4", "请选择本单位已签收、正在办理的任务单"));
        if (itemId == null || !opinions.contactableItemIds(eventId, ITEMS_OFFERED).contains(itemId)) {
            throw new DomainRuleViolation("4.4", "请选择要答复的群众（本事件的信息）");
        }
        if (channel == null) {
            throw new DomainRuleViolation("4.4", "请选择答复方式");
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() || answer.length() > 1000) {
            throw new DomainRuleViolation("4.4", "答复内容不能为空，且不超过1000字");
        }
        if (!wholeCharacters(answer)) {
            throw new DomainRuleViolation("4.4", "答复内容含有无法识别的字符");
        }
        String contact = items.byIds(List.of(itemId)).stream().findFirst().map(OpinionItem::contact).orElse(null);
        requireFits(channel, contact);
        CitizenReply reply = replies.save(new CitizenReply(eventId, orderId, order.unitId(), itemId, channel,
                contact == null ? null : contact.strip(), answer, clock.instant(), by.getUsername()));
        int round = surveys.countByOrder(orderId) + 1;
        Survey survey = surveys.save(new Survey(reply, round, SurveyLinks.nonce(), clock.instant(), clock.instant().plus(surveyValid)));
        String unit = directory.requireUnit(order.unitId()).name();
        String link = links.path(survey);
        switch (channel) {
            case SMS -> deliveries.send(new CitizenMessage(CitizenMessage.Channel.SMS, Contacts.mobileNumber(contact), "答复",
                    "您反映的“" + shorten(event.title(), 20) + "”，" + unit + "答复：" + answer + " 请点击评价：", link, "reply:" + reply.id()));
            case EMAIL -> deliveries.send(new CitizenMessage(CitizenMessage.Channel.EMAIL, contact.strip(),
                    "关于“" + shorten(event.title(), 30) + "”的答复", "您好！您反映的“" + event.title() + "”，" + unit + "答复如下：\n\n" + answer
                            + "\n\n请您对办理结果评价（" + Times.format(survey.expiresAt()) + "前有效，只能评价一次）：\n", link,
                    "reply:" + reply.id()));
            case PHONE, IN_PERSON -> {
                if (Contacts.mobile(contact) && deliveries.smsConfigured()) {
                    deliveries.send(new CitizenMessage(CitizenMessage.Channel.SMS, Contacts.mobileNumber(contact), "回访",
                            "您反映的“" + shorten(event.title(), 20) + "”，" + unit + "已" + channel.label().substring(0, 2)
                                    + "答复您。请点击评价：", link, "reply:" + reply.id()));
                }
            }
        }
        opinions.orderAnswered(orderId, by.getUsername());
        opinions.recordOnEvent(eventId, "REPLY_CITIZEN", by.getUsername(), unit + "以" + channel.label() + "答复群众（"
                + Contacts.mask(contact) + "），第" + round + "次回访已开启，" + Times.format(survey.expiresAt()) + "前有效");
        return reply;
    }

    private void requireFits(CitizenReply.Channel channel, String contact) {
        switch (channel) {
            case SMS -> {
                if (!Contacts.mobile(contact)) {
                    throw new DomainRuleViolation("4.4", "该群众没有留下手机号码，不能短信答复");
                }
                if (!deliveries.smsConfigured()) {
                    throw new DomainRuleViolation("4.4", "尚未配置短信网关，请系统管理员设置，或改用电话、当面答复");
                }
            }
            case EMAIL -> {
                if (!Contacts.email(contact)) {
                    throw new DomainRuleViolation("4.4", "该群众没有留下电子邮箱，不能邮件答复");
                }
            }
            case PHONE -> {
                if (!Contacts.phone(contact)) {
                    throw new DomainRuleViolation("4.4", "该群众没有留下电话号码，请当面答复或选择其他群众");
                }
            }
            case IN_PERSON -> {
            }
        }
    }

    private static boolean wholeCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // ---- surveys -------------------------------------------------------------------------------

    /** The survey a link opens, if the link is genuine: signed, its nonce stored. Expired or used ones are found, and say so. */
    @Transactional(readOnly = true)
    public Optional<Survey> byLink(String token) {
        return links.verify(token).flatMap(p -> surveys.findById(p.surveyId()).filter(s -> links.matches(s, p)));
    }

    /** The event's title as the citizen may see it on the survey page: nothing else of the record. */
    @Transactional(readOnly = true)
    public String titleFor(Survey s) {
        return opinions.event(s.eventId(), DataScope.forSystemTask("回访页面显示事件标题")).title();
    }

    /** The reply as the citizen received it, on the survey page. */
    @Transactional(readOnly = true)
    public CitizenReply replyOf(Survey s) {
        return replies.findById(s.replyId()).orElseThrow();
    }

    public Survey answer(String token, Survey.Rating rating, String comment) {
        Survey s = byLink(token).orElseThrow(() -> new NotFound("评价链接"));
        s.answer(rating, clean(comment), clock.instant());
        settled(s, "群众（评价链接）");
        return s;
    }

    /** A phone 回访 the government office made and records; the survey's link, if still open, is closed by it. */
    public Survey recordByPhone(Long surveyId, Survey.Rating rating, String comment, DataScope scope, SignedInPerson by) {
        Survey s = surveys.findById(surveyId).orElseThrow(() -> new NotFound("回访"));
        EventSnapshot e = opinions.event(s.eventId(), scope);
        if (!directory.isOfficeFor(by.unitId(), e.levelRegionCode()) || by.unitId().equals(s.unitId())) {
            throw new DomainRuleViolation("4.4", "电话回访由本级或上级政府办公室记录，答复单位不能为自己的答复记录评价");
        }
        s.record(rating, clean(comment), clock.instant(), by.getUsername());
        settled(s, by.getUsername());
        return s;
    }

    private static String clean(String comment) {
        if (comment == null) {
            return null;
        }
        if (!wholeCharacters(comment)) {
            throw new DomainRuleViolation("意见含有无法识别的字符");
        }
        return comment.replaceAll("[\\p{Cc}&&[^\\n]]", "");
    }

    private void settled(Survey s, String actor) {
        String unit = directory.requireUnit(s.unitId()).name();
        opinions.recordOnEvent(s.eventId(), "SURVEY_ANSWERED", actor, "第" + s.round() + "次回访（" + unit + "）："
                + s.rating().label() + (s.byPhone() ? "（电话回访）" : "") + (s.comment() == null ? "" : "。意见：" + s.comment()));
        if (s.rating() != Survey.Rating.UNSATISFIED) {
            return;
        }
        opinions.redoOrder(s.orderId(), s.comment() == null ? "未说明原因" : s.comment(), actor);
        if (surveys.countUnsatisfied(s.orderId()) >= 2) {
            EventSnapshot e = opinions.event(s.eventId(), DataScope.forSystemTask("再次不满意报政府办公室"));
            opinions.recordOnEvent(s.eventId(), "SURVEY_ESCALATED", "系统", "群众对" + unit + "的答复再次不满意，已报政府办公室督办");
            Set<Long> office = directory.governmentOfficeOf(e.levelRegionCode())
                    .map(u -> directory.peopleOf(Set.of(u.id()), Role.GOVERNMENT_OFFICE)).orElse(Set.of());
            if (!office.isEmpty()) {
                publisher.publishEvent(new NotificationRequested(office, "群众再次不满意：" + e.title(),
                        unit + "重办后群众仍不满意" + (s.comment() == null ? "" : "：" + s.comment()) + "。请督办。", "/events/" + e.id(), true));
            }
        }
    }

    // ---- the citizen told of an extension ------------------------------------------------------

    /** An approved extension of a work order is told to the event's citizens who left a way back, in the same transaction. */
    @EventListener
    void on(WorkOrderExtended extended) {
        EventSnapshot e = opinions.event(extended.eventId(), DataScope.forSystemTask("延期告知群众"));
        String unit = directory.requireUnit(extended.unitId()).name();
        String text = "您反映的“" + shorten(e.title(), 20) + "”，" + unit + "经批准延期办理，将于" + Times.format(extended.until())
                + "前答复您。";
        Set<String> told = new LinkedHashSet<>();
        for (OpinionItem item : items.byIds(opinions.contactableItemIds(e.id(), ITEMS_OFFERED))) {
            String c = item.contact();
            if (c == null || !told.add(c.strip())) {
                continue;
            }
            if (Contacts.mobile(c) && deliveries.smsConfigured()) {
                deliveries.send(new CitizenMessage(CitizenMessage.Channel.SMS, Contacts.mobileNumber(c), "延期告知", text, null,
                        "extension:" + extended.orderId()));
            } else if (Contacts.email(c) && deliveries.mailConfigured()) {
                deliveries.send(new CitizenMessage(CitizenMessage.Channel.EMAIL, c.strip(), "办理延期告知", text, null,
                        "extension:" + extended.orderId()));
            }
        }
        if (!told.isEmpty()) {
            opinions.recordOnEvent(e.id(), "REPLY_CITIZEN", "系统", "已告知群众延期：" + unit + "于" + Times.format(extended.until()) + "前答复");
        }
    }
}
