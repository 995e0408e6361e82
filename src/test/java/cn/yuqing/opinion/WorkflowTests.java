package cn.yuqing.opinion;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import cn.yuqing.shared.DomainRuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every state × every action of the aggregate, derived from the workflow definition: an action
 * succeeds exactly where {@link Workflow#STEPS} allows it and is refused, with a message, elsewhere.
 */
class WorkflowTests {

    static final Instant NOW = Instant.parse("2027-07-12T00:00:00Z");
    static final Grade MAJOR = new Grade("MAJOR", "重大", 2, "orange");

    static OpinionEvent in(EventState state) {
        OpinionEvent e = new OpinionEvent("测试事件", null, 1L, "411526", Set.of(), Set.of(), NOW);
        try {
            var field = OpinionEvent.class.getDeclaredField("state");
            field.setAccessible(true);
            field.set(e, state);
            var responsible = OpinionEvent.class.getDeclaredField("responsibleUnitId");
            responsible.setAccessible(true);
            responsible.set(e, 1L);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
        return e;
    }

    static final Map<Workflow.Action, Consumer<OpinionEvent>> PERFORM = new EnumMap<>(Workflow.Action.class);

    static {
        PERFORM.put(Workflow.Action.START_VERIFICATION, e -> e.startVerification("a", NOW));
        PERFORM.put(Workflow.Action.VERIFY, e -> e.verify("事实", "来源", Conclusion.TRUE, MatterKind.DIFFICULTY, null, null, "a", NOW));
        PERFORM.put(Workflow.Action.JUDGE_KEY, e -> e.judge(true, Set.of("b"), MAJOR, false, "理由", "a", NOW));
        PERFORM.put(Workflow.Action.JUDGE_WATCH, e -> e.judge(false, Set.of(), null, false, "理由", "a", NOW));
        PERFORM.put(Workflow.Action.REGRADE, e -> e.regrade(MAJOR, true, "升级", "a", NOW));
        PERFORM.put(Workflow.Action.MAKE_PLAN, e -> e.makePlan("官方微博", "发布通报", true, "a", NOW));
        PERFORM.put(Workflow.Action.START_RESPONSE, e -> e.startResponse("a", NOW));
        PERFORM.put(Workflow.Action.START_FOLLOW_UP, e -> e.startFollowUp("a", NOW));
        PERFORM.put(Workflow.Action.CLOSE, e -> e.close("总结", java.util.Map.of(), "a", NOW));
        PERFORM.put(Workflow.Action.REOPEN, e -> e.reopen("出现新信息", "a", NOW));
    }

    @Test
    void everyActionIsTestedAgainstEveryState() {
        assertThat(PERFORM.keySet()).containsExactlyInAnyOrder(Workflow.Action.values());
        int allowed = 0;
        int refused = 0;
        for (EventState state : EventState.values()) {
            for (Workflow.Action action : Workflow.Action.values()) {
                OpinionEvent e = in(state);
                var step = Workflow.step(state, action);
                if (step.isPresent()) {
                    PERFORM.get(action).accept(e);
                    assertThat(e.state()).as(state + " " + action).isEqualTo(step.get().to());
                    assertThat(e.steps()).last().satisfies(s -> {
                        assertThat(s.fromState()).isEqualTo(state);
                        assertThat(s.clause()).isEqualTo(step.get().clause());
                    });
                    allowed++;
                } else {
                    assertThatThrownBy(() -> PERFORM.get(action).accept(e)).as(state + " " + action)
                            .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("当前状态为“" + state.label() + "”");
                    assertThat(e.state()).isEqualTo(state);
                    refused++;
                }
            }
        }
        assertThat(allowed).isEqualTo(Workflow.STEPS.size());
        assertThat(refused).isEqualTo(EventState.values().length * Workflow.Action.values().length - Workflow.STEPS.size());
    }

    @Test
    void aKeyResponseNamesAtLeastOneCriterionAndAGrade() {
        assertThatThrownBy(() -> in(EventState.VERIFIED).judge(true, Set.of(), MAJOR, false, "理由", "a", NOW))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("重点回应须至少符合一项研判标准")
                .satisfies(ex -> assertThat(((DomainRuleViolation) ex).clause()).isEqualTo("4.3"));
        assertThatThrownBy(() -> in(EventState.VERIFIED).judge(true, Set.of("a"), null, false, "理由", "a", NOW))
                .hasMessage("重点回应须确定等级");
    }

    @Test
    void aKeyJudgementAndARegradePublishTheGradeForTheClocks() {
        OpinionEvent e = in(EventState.VERIFIED);
        e.judge(true, Set.of("d"), MAJOR, true, "山体滑坡", "a", NOW);
        assertThat(e.registered()).anySatisfy(ev -> assertThat(ev).isInstanceOfSatisfying(EventGraded.class,
                g -> assertThat(g.emergency()).isTrue()));
        e.regrade(new Grade("ESPECIALLY_MAJOR", "特别重大", 1, "red"), true, "伤亡增加", "a", NOW.plusSeconds(3600));
        assertThat(e.registered()).filteredOn(EventGraded.class::isInstance).map(EventGraded.class::cast)
                .extracting(EventGraded::regrade).containsExactly(false, true);
    }

    @Test
    void verificationNeedsFactsAConclusionAndTheKindOfMatter() {
        assertThatThrownBy(() -> in(EventState.VERIFYING).verify(" ", null, Conclusion.TRUE, MatterKind.CONFUSION, null, null, "a", NOW))
                .hasMessage("请填写核实的事实");
        assertThatThrownBy(() -> in(EventState.VERIFYING).verify("事实", null, Conclusion.TRUE, null, null, null, "a", NOW))
                .hasMessageContaining("舆情类别");
    }

    @Test
    void aPlanNeedsAResponsiblePartyTalkingPointsAndChannels() {
        assertThatThrownBy(() -> in(EventState.JUDGED).makePlan("微博", null, false, "a", NOW)).hasMessage("制定方案须有口径");
        assertThatThrownBy(() -> in(EventState.JUDGED).makePlan(" ", null, true, "a", NOW)).hasMessage("请写明回应渠道");
    }

    @Test
    void overridingTheRoutingNeedsAReason() {
        assertThatThrownBy(() -> in(EventState.JUDGED).assign(2L, null, false, "x", true, " ", "a", NOW))
                .hasMessage("调整系统认定的责任主体须写明理由");
        assertThatThrownBy(() -> in(EventState.COLLECTED).assign(2L, null, false, "x", false, null, "a", NOW))
                .hasMessageContaining("核实完成后");
    }
}
