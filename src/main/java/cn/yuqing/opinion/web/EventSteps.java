package cn.yuqing.opinion.web;

import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.yuqing.opinion.Conclusion;
import cn.yuqing.opinion.EventRouting;
import cn.yuqing.opinion.MatterKind;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.opinion.OpinionManagement;
import cn.yuqing.organisation.DataScope;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;

/**
 * One step of the workflow by name, with its inputs read from a form or a JSON body alike, so
 * that the pages and the API are the same calls into {@link OpinionManagement}.
 */
@Component
class EventSteps {

    private final OpinionManagement opinions;
    private final EventRouting routing;

    EventSteps(OpinionManagement opinions, EventRouting routing) {
        this.opinions = opinions;
        this.routing = routing;
    }

    /** {@code value} reads one input, {@code values} a list (criteria). */
    OpinionEvent perform(String step, Long id, long version, DataScope scope, SignedInPerson me,
            Function<String, String> value, Function<String, String[]> values) {
        try {
            return switch (step) {
                case "start-verification" -> opinions.startVerification(id, version, scope, me);
                case "verify" -> opinions.verify(id, version, scope, me, value.apply("facts"), value.apply("sources"),
                        parse(Conclusion.class, value.apply("conclusion")), parse(MatterKind.class, value.apply("kind")),
                        value.apply("mainCategory"), list(values.apply("otherCategories")));
                case "flag" -> opinions.flag(id, version, scope, me, "true".equals(value.apply("warningSigns")),
                        "true".equals(value.apply("hotOrMajor")));
                case "judge" -> opinions.judge(id, version, scope, me, "true".equals(value.apply("key")),
                        values.apply("criteria") == null ? Set.of() : Set.of(values.apply("criteria")), value.apply("grade"),
                        "true".equals(value.apply("emergency")), value.apply("reasons"));
                case "regrade" -> opinions.regrade(id, version, scope, me, value.apply("grade"),
                        "true".equals(value.apply("emergency")), value.apply("reason"));
                case "route" -> routing.route(id, version, scope, me);
                case "override-routing" -> routing.override(id, version, scope, me, unit(value.apply("unitId")),
                        unit(value.apply("leadUnitId")), values.apply("coHandlerIds") == null ? null
                                : list(values.apply("coHandlerIds")).stream().map(v -> Long.valueOf(v.strip())).toList(),
                        value.apply("reason"));
                case "talking-points" -> {
                    opinions.addTalkingPoints(id, scope, me, value.apply("text"));
                    yield opinions.require(id, scope);
                }
                case "plan" -> opinions.makePlan(id, version, scope, me, value.apply("channels"), value.apply("methods"));
                case "start-response" -> opinions.startResponse(id, version, scope, me);
                case "start-follow-up" -> opinions.startFollowUp(id, version, scope, me);
                case "close" -> {
                    java.util.Map<String, String> waivers = new java.util.HashMap<>();
                    opinions.openDuties(id, scope).forEach(d -> waivers.put(d.key(), value.apply("waive." + d.key())));
                    yield opinions.close(id, version, scope, me, value.apply("review"), waivers);
                }
                case "reopen" -> opinions.reopen(id, version, scope, me, value.apply("reason"));
                default -> throw new DomainRuleViolation("未知的操作：" + (step.length() > 30 ? step.substring(0, 30) : step));
            };
        } catch (NumberFormatException e) {
            throw new DomainRuleViolation("请选择单位");
        }
    }

    private static Long unit(String id) {
        return id == null || id.isBlank() ? null : Long.valueOf(id.strip());
    }

    private static java.util.List<String> list(String[] values) {
        return values == null ? java.util.List.of()
                : java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("选项不正确：" + (value.length() > 30 ? value.substring(0, 30) : value));
        }
    }
}
