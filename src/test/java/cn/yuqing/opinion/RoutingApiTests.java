package cn.yuqing.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.OrganisationManagement;
import cn.yuqing.organisation.Role;
import cn.yuqing.organisation.Unit;
import cn.yuqing.organisation.UnitData;
import cn.yuqing.organisation.UnitKind;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

/**
 * Issue 22, clause 3 through the API only: the bridge collapse routes by its confirmed main matter
 * (交通运输局 leads, 应急管理局 and 踅孜镇 co-operate, no 气象局 or 信访局 from 暴雨 and 没人管); an
 * override replaces the lead and withdraws the orders of the units it removes, with the reason
 * in the record; a party with nobody to receive work has its order held by the government office.
 */
@WebTest
class RoutingApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    OrganisationManagement organisation;
    @Autowired
    cn.yuqing.responsibility.RoutingRules rules;

    private Long unit(String name) {
        return directory.unitsIn("411526").stream().filter(u -> u.name().equals(name)).findFirst()
                .or(() -> directory.allUnits().stream().filter(u -> u.name().equals(name)).findFirst()).orElseThrow().id();
    }

    private String step(Long event, String step, String body) throws Exception {
        long version = ((Number) JsonPath.read(mvc.perform(get("/api/events/" + event).with(As.person(accounts, "yanpan")))
                .andReturn().getResponse().getContentAsString(), "$.version")).longValue();
        return mvc.perform(post("/api/events/" + event + "/steps/" + step).with(As.person(accounts, "yanpan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + (body.isEmpty() ? "" : ", " + body) + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Long openBridgeEvent() throws Exception {
        Long candidate = fixtures.candidate("暴雨冲垮踅孜镇一村道桥梁，有人被困！");
        fixtures.addItem(candidate, "这桥去年就有裂缝了，多次反映没人管？");
        fixtures.addItem(candidate, "有没有人知道被困的人救上来没有？");
        String opened = mvc.perform(post("/api/events").with(As.person(accounts, "yanpan")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"candidateId\": " + candidate + "}")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        Long event = ((Number) JsonPath.read(opened, "$.id")).longValue();
        step(event, "start-verification", "");
        return event;
    }

    @Test
    void theBridgeIsRoutedByItsMainMatterAndAnOverrideReplacesTheLeadAndWithdrawsOrders() throws Exception {
        Long event = openBridgeEvent();
        String verified = step(event, "verify", "\"facts\": \"桥梁垮塌，2人被困已获救\", \"conclusion\": \"TRUE\", "
                + "\"kind\": \"MAJOR_PROBLEM\", \"mainCategory\": \"TRANSPORT\", \"otherCategories\": [\"EMERGENCY\"]");
        assertThat((String) JsonPath.read(verified, "$.mainCategory")).isEqualTo("TRANSPORT");
        mvc.perform(get("/api/events/" + event + "/routing").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responsible").value("潢川县交通运输局"))
                .andExpect(jsonPath("$.lead").value("潢川县交通运输局"))
                .andExpect(jsonPath("$.matterConfirmed").value(true))
                .andExpect(jsonPath("$.explanation", containsString("研判确认")));
        String routed = step(event, "route", "");
        List<Map<String, Object>> parties = JsonPath.read(routed, "$.parties");
        Set<Long> involved = Set.copyOf(parties.stream().map(p -> ((Number) p.get("unitId")).longValue()).toList());
        assertThat(involved).contains(unit("潢川县交通运输局"), unit("潢川县应急管理局"), unit("踅孜镇人民政府"))
                .doesNotContain(unit("潢川县气象局"), unit("潢川县信访局"));

        step(event, "judge", "\"key\": \"true\", \"criteria\": [\"b\"], \"grade\": \"MAJOR\", \"reasons\": \"有人被困\"");
        step(event, "talking-points", "\"text\": \"桥梁垮塌，被困群众已全部获救，交通部门正在抢修\"");
        step(event, "plan", "\"channels\": \"官方微博\"");
        List<Map<String, Object>> orders = orders(event);
        assertThat(orders).extracting(o -> ((Number) o.get("partyUnitId")).longValue())
                .containsExactlyInAnyOrder(unit("潢川县交通运输局"), unit("潢川县应急管理局"), unit("踅孜镇人民政府"));

        String overridden = step(event, "override-routing", "\"unitId\": " + unit("潢川县应急管理局") + ", \"leadUnitId\": "
                + unit("潢川县应急管理局") + ", \"coHandlerIds\": [" + unit("踅孜镇人民政府") + "], \"reason\": \"以人员搜救为主，应急局牵头\"");
        assertThat((Number) JsonPath.read(overridden, "$.leadUnitId")).isEqualTo(unit("潢川县应急管理局").intValue());
        List<String> actions = JsonPath.read(overridden, "$.steps[*].action");
        assertThat(actions).contains("OVERRIDE_ROUTING", "REDISPATCH_ORDERS");
        List<String> notes = JsonPath.read(overridden, "$.steps[?(@.action == 'REDISPATCH_ORDERS')].note");
        assertThat(notes.get(0)).contains("撤回任务单：潢川县交通运输局").contains("以人员搜救为主");
        orders = orders(event);
        assertThat(orders).filteredOn(o -> ((Number) o.get("partyUnitId")).longValue() == unit("潢川县交通运输局"))
                .singleElement().satisfies(o -> {
                    assertThat(o.get("status")).isEqualTo("WITHDRAWN");
                    assertThat((String) o.get("reason")).contains("以人员搜救为主");
                });
        assertThat(orders).filteredOn(o -> "SENT".equals(o.get("status")))
                .extracting(o -> ((Number) o.get("partyUnitId")).longValue())
                .containsExactlyInAnyOrder(unit("潢川县应急管理局"), unit("踅孜镇人民政府"));
        // a lead from another county is refused with the reason, nothing changes
        Long elsewhere = organisation.createUnit(new UnitData("信阳市测试局" + System.nanoTime(), "市测试局" + System.nanoTime(),
                UnitKind.DEPARTMENT, "4115", false, null, Set.of())).id();
        long version = ((Number) JsonPath.read(overridden, "$.version")).longValue();
        mvc.perform(post("/api/events/" + event + "/steps/override-routing").with(As.person(accounts, "yanpan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": " + version + ", \"unitId\": "
                                + unit("潢川县应急管理局") + ", \"leadUnitId\": " + elsewhere + ", \"reason\": \"试\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.detail", containsString("不能承办本级事件")));
    }

    @Test
    void aPartyWithNobodyToReceiveWorkHasItsOrderHeldByTheGovernmentOffice() throws Exception {
        Long empty = organisation.createUnit(new UnitData("潢川县测试中心" + System.nanoTime(), "测试中心" + System.nanoTime(),
                UnitKind.DEPARTMENT, "411526", false, null, Set.of())).id();
        Long event = openBridgeEvent();
        step(event, "verify", "\"facts\": \"桥梁垮塌\", \"conclusion\": \"TRUE\", \"kind\": \"MAJOR_PROBLEM\", \"mainCategory\": \"TRANSPORT\"");
        step(event, "override-routing", "\"unitId\": " + unit("潢川县交通运输局") + ", \"coHandlerIds\": [" + empty
                + "], \"reason\": \"检测中心配合检测\"");
        step(event, "judge", "\"key\": \"true\", \"criteria\": [\"b\"], \"grade\": \"MAJOR\", \"reasons\": \"有人被困\"");
        step(event, "talking-points", "\"text\": \"口径\"");
        step(event, "plan", "\"channels\": \"官方微博\"");
        Long office = directory.governmentOfficeOf("411526").orElseThrow().id();
        assertThat(orders(event)).filteredOn(o -> ((Number) o.get("partyUnitId")).longValue() == empty).singleElement()
                .satisfies(o -> {
                    assertThat(((Number) o.get("unitId")).longValue()).isEqualTo(office);
                    assertThat((String) o.get("duty")).startsWith("代潢川县测试中心").contains("尚无在岗的回应人员或负责人");
                });
    }

    /** The government office keeps the context-only words; others read them; a word marked so stops making a unit responsible. */
    @Test
    void theGovernmentOfficeEditsTheContextOnlyWords() throws Exception {
        mvc.perform(get("/responsibility/rules").with(As.person(accounts, "jiankong"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("暴雨")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.not(containsString("context-words/remove"))));
        mvc.perform(post("/responsibility/rules/context-words").with(As.person(accounts, "jiankong"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("word", "冰雹")).andExpect(status().isForbidden());
        mvc.perform(post("/responsibility/rules/context-words").with(As.person(accounts, "zhengfuban"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("word", "冰雹").param("note", "<b>天气是起因</b>")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/responsibility/rules/context-words").with(As.person(accounts, "zhengfuban"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("word", "两 个词")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
                        containsString("不含空格")));
        mvc.perform(get("/responsibility/rules").with(As.person(accounts, "zhengfuban"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        containsString("&lt;b&gt;天气是起因&lt;/b&gt;")));
        try {
            assertThat(new cn.yuqing.responsibility.MatterCues().add("WEATHER", "冰雹", 3).add("AGRICULTURE", "庄稼", 1)
                    .suggest(rules.contextOnly()).main()).isEqualTo("AGRICULTURE");
        } finally {
            mvc.perform(post("/responsibility/rules/context-words/remove").with(As.person(accounts, "zhengfuban"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("word", "冰雹")).andExpect(status().is3xxRedirection());
        }
        assertThat(rules.contextOnly()).doesNotContain("冰雹").contains("暴雨", "没人管");
    }

    /** The units the labelled routing cases name (responsible, lead, co-operating) and every township's government. */
    @Test
    void everyUnitRoutingCanPickHasSomeoneToReceiveWorkAndAHeadInTheDemo() throws Exception {
        Set<String> names = new java.util.TreeSet<>();
        for (String file : List.of("responsibility/routing-cases.tsv", "responsibility/routing-cases-heldout.tsv")) {
            String text = new String(new org.springframework.core.io.ClassPathResource(file).getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] f = line.split("\t", -1);
                if (line.startsWith("#") || f.length < 8 || f[0].equals("id")) {
                    continue;
                }
                names.add(f[5]);
                names.add(f[6]);
                if (!f[7].isBlank()) {
                    names.addAll(List.of(f[7].split("、")));
                }
            }
        }
        directory.childrenOf("411526").forEach(t -> names.add(directory.governmentOf(t.code()).orElseThrow().name()));
        assertThat(names).hasSizeGreaterThan(40);
        for (String name : names) {
            Long id = unit(name);
            assertThat(directory.peopleOf(Set.of(id), Role.RESPONDER)).as(name + " 回应人员").isNotEmpty();
            assertThat(directory.peopleOf(Set.of(id), Role.DEPARTMENT_HEAD, Role.PRINCIPAL_LEADER)).as(name + " 负责人").isNotEmpty();
        }
    }

    private List<Map<String, Object>> orders(Long event) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/events/" + event + "/work-orders").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
    }
}
