package cn.yuqing.opinion;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow chart of 4.7 is drawn from {@link Workflow#STEPS}: every state and step, nothing else, each linked to its clause. */
class WorkflowChartTests {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Element> groups(Document svg, String attribute) {
        Map<String, Element> found = new HashMap<>();
        NodeList all = svg.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (g.hasAttribute(attribute)) {
                found.put(g.getAttribute(attribute), g);
            }
        }
        return found;
    }

    /** Every state and step of the flow is drawn, nothing else, each step linked to its clause with its words. */
    static <S extends Enum<S>> Map<String, Element> assertDrawsExactly(Document svg, WorkflowChart.Flow<S> flow) {
        Set<String> states = new HashSet<>();
        Set<String> steps = new HashSet<>();
        for (WorkflowChart.Edge<S> s : flow.steps()) {
            states.add(s.from().name());
            states.add(s.to().name());
            steps.add(WorkflowChart.key(s.from(), s.action(), s.to()));
        }
        assertThat(groups(svg, "data-state").keySet()).isEqualTo(states);
        Map<String, Element> drawn = groups(svg, "data-step");
        assertThat(drawn.keySet()).isEqualTo(steps);
        for (WorkflowChart.Edge<S> s : flow.steps()) {
            Element link = (Element) drawn.get(WorkflowChart.key(s.from(), s.action(), s.to())).getElementsByTagName("a").item(0);
            assertThat(link.getAttribute("href")).isEqualTo("/standard#c" + s.clause().replace('.', '-'));
            assertThat(link.getTextContent()).contains(s.label()).contains("§" + s.clause());
        }
        return drawn;
    }

    @Test
    void theWorkOrdersLaneHoldsEveryStateAndStepTheOrdersObey() throws Exception {
        Document svg = parse(WorkflowChart.workOrders("/standard"));
        assertThat(WorkflowChart.ORDERS.steps()).hasSameSizeAs(WorkOrderFlow.STEPS);
        Map<String, Element> drawn = assertDrawsExactly(svg, WorkflowChart.ORDERS);
        assertThat(drawn.get(WorkflowChart.key(WorkOrder.Status.RETURNED, "UPHOLD", WorkOrder.Status.WITHDRAWN)).getTextContent())
                .contains("仲裁：退单成立，改派").contains("§3");
        assertThat(drawn.get(WorkflowChart.key(WorkOrder.Status.DONE, "REDO", WorkOrder.Status.ACCEPTED)).getTextContent())
                .contains("群众不满意，重办").contains("§4.4");
        assertThat(svg.getElementsByTagName("marker").item(0).getAttributes().getNamedItem("id").getNodeValue())
                .as("its own markers, apart from the events' chart on the same page").isEqualTo("wo-arrow");
    }

    @Test
    void theChartHoldsEveryStateAndStepOfTheRunningWorkflowAndNothingElse() throws Exception {
        assertThat(WorkflowChart.EVENTS.steps()).hasSameSizeAs(Workflow.STEPS);
        assertDrawsExactly(parse(WorkflowChart.svg("/standard")), WorkflowChart.EVENTS);
    }

    @Test
    void statesDoNotOverlapAndForwardStepsGoDown() {
        Map<EventState, int[]> place = WorkflowChart.layout(WorkflowChart.EVENTS);
        assertThat(place.values().stream().map(p -> p[0] + ":" + p[1]).distinct().count()).isEqualTo(place.size());
        for (Workflow.Step s : Workflow.STEPS) {
            if (s.to().ordinal() > s.from().ordinal()) {
                assertThat(place.get(s.to())[0]).as(s.toString()).isGreaterThan(place.get(s.from())[0]);
            }
        }
    }

    @Test
    void anEventsChartMarksThePathItTookWithTimesAndWhereItStands() throws Exception {
        OpinionEvent e = WorkflowTests.in(EventState.COLLECTED);
        WorkflowTests.PERFORM.get(Workflow.Action.START_VERIFICATION).accept(e);
        WorkflowTests.PERFORM.get(Workflow.Action.VERIFY).accept(e);
        WorkflowTests.PERFORM.get(Workflow.Action.JUDGE_WATCH).accept(e);
        WorkflowTests.PERFORM.get(Workflow.Action.JUDGE_KEY).accept(e);
        WorkflowTests.PERFORM.get(Workflow.Action.REGRADE).accept(e);

        Document svg = parse(WorkflowChart.svg("/standard", e.steps(), e.state()));
        Map<String, Element> steps = groups(svg, "data-step");
        Set<String> taken = new HashSet<>();
        steps.forEach((key, g) -> {
            if (g.getAttribute("class").contains("wf-taken")) {
                taken.add(key);
            }
        });
        assertThat(taken).containsExactlyInAnyOrder("COLLECTED-START_VERIFICATION-VERIFYING", "VERIFYING-VERIFY-VERIFIED",
                "VERIFIED-JUDGE_WATCH-WATCHING", "WATCHING-JUDGE_KEY-JUDGED", "JUDGED-REGRADE-JUDGED");
        assertThat(steps.get("VERIFIED-JUDGE_WATCH-WATCHING").getTextContent()).contains("2027-07-12 08:00");
        Map<String, Element> states = groups(svg, "data-state");
        assertThat(states.get("JUDGED").getAttribute("class")).contains("wf-current");
        assertThat(states.get("WATCHING").getAttribute("class")).contains("wf-visited").doesNotContain("wf-current");
        assertThat(states.get("PLAN_MADE").getAttribute("class")).doesNotContain("wf-visited");
    }
}
