package cn.yuqing.opinion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import cn.yuqing.shared.Times;

/**
 * The flow chart of 4.7 (Appendix A), drawn as SVG from {@link Workflow#STEPS} — the same steps the
 * aggregate obeys — so the chart cannot disagree with the behaviour. Given an event's recorded
 * steps, it marks the path the event took, with times, and where it stands. The work orders' lane
 * (签收, 退单 and its arbitration, 延期, 办结, 重办) is drawn the same way from {@link WorkOrderFlow#STEPS}.
 *
 * <p>Layout: a state's row is its longest distance from the start along forward steps; states on a
 * row sit side by side. Steps to the next row are straight; longer forward steps curve far on the
 * right, steps back curve on the left, and steps that stay loop on the right of their state.
 */
public final class WorkflowChart {

    static final int NODE_WIDTH = 168;
    static final int NODE_HEIGHT = 34;
    static final int ROW = 84;
    static final int COLUMN = 240;
    static final int LEFT = 330;
    static final int TOP = 16;

    /** One step as the chart draws it. */
    record Edge<S extends Enum<S>>(S from, String action, String label, S to, String clause) {
    }

    /** A flow: its states (an enum declared in flow order), its steps, how a state is named; {@code id} keeps two charts on a page apart. */
    record Flow<S extends Enum<S>>(String id, String title, Class<S> type, List<Edge<S>> steps, Function<S, String> name) {
    }

    static final Flow<EventState> EVENTS = new Flow<>("wf", "舆情回应工作流程图（第4.7条，附录A）", EventState.class,
            Workflow.STEPS.stream().map(s -> new Edge<>(s.from(), s.action().name(), s.action().label(), s.to(), s.clause())).toList(),
            EventState::label);

    static final Flow<WorkOrder.Status> ORDERS = new Flow<>("wo", "任务单流程（第3条、第4.4条）", WorkOrder.Status.class,
            WorkOrderFlow.STEPS.stream().map(s -> new Edge<>(s.from(), s.action().name(), s.action().label(), s.to(), s.clause()))
                    .toList(),
            WorkOrder.Status::label);

    private WorkflowChart() {
    }

    /** The chart of the workflow alone. */
    public static String svg(String standardLink) {
        return svg(standardLink, List.of(), null);
    }

    /** The work orders' lane: how an order is signed for, sent back, arbitrated, extended, done and reopened. */
    public static String workOrders(String standardLink) {
        return draw(ORDERS, standardLink, Map.of(), Set.of(), null);
    }

    /** The chart with the path of an event: its recorded steps and the state it is in now. */
    public static String svg(String standardLink, List<EventStep> taken, EventState current) {
        Map<String, List<String>> takenAt = new LinkedHashMap<>();
        for (EventStep s : taken) {
            if (s.fromState() != null && isWorkflowAction(s.action())) {
                takenAt.computeIfAbsent(key(s.fromState(), s.action(), s.toState()), k -> new ArrayList<>()).add(Times.format(s.at()));
            }
        }
        Set<EventState> visited = new TreeSet<>();
        taken.forEach(s -> {
            if (s.toState() != null) {
                visited.add(s.toState());
            }
            if (s.fromState() != null) {
                visited.add(s.fromState());
            }
        });
        return draw(EVENTS, standardLink, takenAt, visited, current);
    }

    private static <S extends Enum<S>> String draw(Flow<S> flow, String standardLink, Map<String, List<String>> takenAt,
            Set<S> visited, S current) {
        Map<S, int[]> place = layout(flow);
        int rows = place.values().stream().mapToInt(p -> p[0]).max().orElse(0) + 1;
        int columns = place.values().stream().mapToInt(p -> p[1]).max().orElse(0) + 1;
        int width = LEFT + (columns - 1) * COLUMN + NODE_WIDTH / 2 + 420;
        int height = TOP * 2 + rows * ROW;
        String arrow = flow.id() + "-arrow";
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\"><title>").append(esc(flow.title())).append("</title>")
                .append("<defs><marker id=\"").append(arrow).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6c757d\"/></marker>")
                .append("<marker id=\"").append(arrow).append("-taken\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0d6efd\"/></marker></defs>");
        Map<S, Integer> loops = new EnumMap<>(flow.type());
        for (Edge<S> step : flow.steps()) {
            List<String> times = takenAt.getOrDefault(key(step.from(), step.action(), step.to()), List.of());
            edge(svg, step, place, times, loops, standardLink, arrow);
        }
        for (Map.Entry<S, int[]> node : place.entrySet()) {
            node(svg, node.getKey().name(), flow.name().apply(node.getKey()), node.getValue(), visited.contains(node.getKey()),
                    node.getKey() == current);
        }
        return svg.append("</svg>").toString();
    }

    /** Row and column of every state that appears in the steps. */
    static <S extends Enum<S>> Map<S, int[]> layout(Flow<S> flow) {
        Map<S, Integer> row = new EnumMap<>(flow.type());
        for (S s : flow.type().getEnumConstants()) {
            if (flow.steps().stream().anyMatch(st -> st.from() == s || st.to() == s)) {
                row.putIfAbsent(s, 0);
            }
        }
        // the states are declared in flow order, so one pass in that order settles every forward step
        for (S s : row.keySet()) {
            for (Edge<S> st : flow.steps()) {
                if (st.from() == s && st.to().ordinal() > s.ordinal()) {
                    row.put(st.to(), Math.max(row.get(st.to()), row.get(s) + 1));
                }
            }
        }
        Map<S, int[]> place = new EnumMap<>(flow.type());
        Map<Integer, Integer> used = new LinkedHashMap<>();
        row.forEach((s, r) -> {
            int column = used.merge(r, 1, Integer::sum) - 1;
            place.put(s, new int[] {r, column});
        });
        return place;
    }

    private static void node(StringBuilder svg, String state, String name, int[] at, boolean visited, boolean current) {
        int cx = cx(at);
        int y = y(at);
        svg.append("<g class=\"wf-state").append(visited ? " wf-visited" : "").append(current ? " wf-current" : "")
                .append("\" data-state=\"").append(state).append("\">")
                .append("<rect x=\"").append(cx - NODE_WIDTH / 2).append("\" y=\"").append(y).append("\" width=\"").append(NODE_WIDTH)
                .append("\" height=\"").append(NODE_HEIGHT).append("\" rx=\"8\" fill=\"").append(current ? "#0d6efd" : visited ? "#cfe2ff" : "#fff")
                .append("\" stroke=\"").append(visited || current ? "#0d6efd" : "#6c757d").append("\" stroke-width=\"")
                .append(current ? 3 : 1.5).append("\"/>")
                .append("<text x=\"").append(cx).append("\" y=\"").append(y + NODE_HEIGHT / 2 + 5)
                .append("\" text-anchor=\"middle\" font-size=\"14\" fill=\"").append(current ? "#fff" : "#212529").append("\">")
                .append(esc(name)).append(current ? "（当前）" : "").append("</text></g>");
    }

    private static <S extends Enum<S>> void edge(StringBuilder svg, Edge<S> step, Map<S, int[]> place, List<String> times,
            Map<S, Integer> loops, String standardLink, String arrow) {
        int[] from = place.get(step.from());
        int[] to = place.get(step.to());
        boolean taken = !times.isEmpty();
        String colour = taken ? "#0d6efd" : "#6c757d";
        svg.append("<g class=\"wf-step").append(taken ? " wf-taken" : "").append("\" data-step=\"")
                .append(key(step.from(), step.action(), step.to())).append("\">");
        int labelX;
        int labelY;
        String anchor = "start";
        if (step.from() == step.to()) {
            int n = loops.merge(step.from(), 1, Integer::sum) - 1;
            int x = cx(from) + NODE_WIDTH / 2;
            int y = y(from) + NODE_HEIGHT / 2;
            svg.append("<path d=\"M").append(x).append(',').append(y - 6).append(" C").append(x + 28).append(',').append(y - 22)
                    .append(' ').append(x + 28).append(',').append(y + 22).append(' ').append(x).append(',').append(y + 6)
                    .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(taken ? 2.5 : 1.2)
                    .append("\" marker-end=\"url(#").append(taken ? arrow + "-taken" : arrow).append(")\"/>");
            labelX = x + 32;
            labelY = y - 4 + n * (taken ? 30 : 15);
        } else {
            int x1 = cx(from);
            int y1 = y(from) + NODE_HEIGHT;
            int x2 = cx(to);
            int y2 = y(to);
            boolean forward = step.to().ordinal() > step.from().ordinal();
            if (forward && to[0] == from[0] + 1 && to[1] == from[1]) {
                svg.append("<path d=\"M").append(x1).append(',').append(y1).append(" L").append(x2).append(',').append(y2);
                labelX = x1 + 8;
                labelY = (y1 + y2) / 2 + 4;
            } else if (forward) {
                int bulge = 230 + 14 * Math.abs(to[0] - from[0]);
                int sx = x1 + NODE_WIDTH / 2;
                int sy = y(from) + NODE_HEIGHT / 2;
                // arrives on the top edge's right end, clear of the loops beside the state
                int ex = x2 + NODE_WIDTH / 2 - 14;
                int ey = y(to);
                svg.append("<path d=\"M").append(sx).append(',').append(sy).append(" C").append(sx + bulge).append(',').append(sy)
                        .append(' ').append(ex + bulge * 3 / 5).append(',').append(ey - 30).append(' ').append(ex).append(',').append(ey);
                labelX = Math.max(sx, ex) + bulge * 3 / 4 + 4;
                labelY = (sy + ey) / 2 + 4;
            } else {
                int bulge = 40 + 14 * Math.abs(to[0] - from[0]);
                int sx = x1 - NODE_WIDTH / 2;
                int sy = y(from) + NODE_HEIGHT / 2;
                int ex = x2 - NODE_WIDTH / 2;
                int ey = y(to) + NODE_HEIGHT / 2;
                svg.append("<path d=\"M").append(sx).append(',').append(sy).append(" C").append(sx - bulge).append(',').append(sy)
                        .append(' ').append(ex - bulge).append(',').append(ey).append(' ').append(ex).append(',').append(ey);
                labelX = Math.min(sx, ex) - bulge * 3 / 4 - 4;
                labelY = (sy + ey) / 2 + 4;
                anchor = "end";
            }
            svg.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(taken ? 2.5 : 1.2)
                    .append("\" marker-end=\"url(#").append(taken ? arrow + "-taken" : arrow).append(")\"/>");
        }
        svg.append("<a href=\"").append(esc(standardLink)).append("#c").append(step.clause().replace('.', '-'))
                .append("\"><text x=\"").append(labelX).append("\" y=\"").append(labelY).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"12\" fill=\"").append(colour).append("\">").append(esc(step.label()))
                .append(" §").append(esc(step.clause()));
        if (taken) {
            svg.append("<tspan x=\"").append(labelX).append("\" dy=\"14\">").append(esc(String.join("、", times))).append("</tspan>");
        }
        svg.append("</text></a></g>");
    }

    private static int cx(int[] at) {
        return LEFT + at[1] * COLUMN;
    }

    private static int y(int[] at) {
        return TOP + at[0] * ROW;
    }

    static String key(Enum<?> from, String action, Enum<?> to) {
        return from.name() + "-" + action + "-" + to.name();
    }

    private static boolean isWorkflowAction(String action) {
        for (Workflow.Action a : Workflow.Action.values()) {
            if (a.name().equals(action)) {
                return true;
            }
        }
        return false;
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
