package cn.yuqing.response;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.yuqing.opinion.EventFixtures;
import cn.yuqing.opinion.OpinionEvent;
import cn.yuqing.organisation.Accounts;
import cn.yuqing.support.As;
import cn.yuqing.support.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22, referral per item, through the API: a rumour post inside an event that is true as a
 * whole (a real collapse, and "死亡10人，政府瞒报") is referred to the police and the internet
 * regulator from the item that carries it; without naming the item, or naming another event's,
 * the referral is refused with the clause and its reason.
 */
@WebTest
class ReferralApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRumourInsideATrueEventIsReferredFromItsItem() throws Exception {
        OpinionEvent bridge = fixtures.verifiedEvent("踅孜镇大桥垮塌", "踅孜镇某村大桥被暴雨冲垮，有人被困，救援正在进行。");
        Long rumour = fixtures.addItem(bridge.candidateId(), "听说桥塌死亡10人，政府瞒报！");
        Long elsewhere = fixtures.addItem(fixtures.verifiedEvent("城区路灯", "城区路灯不亮。").candidateId(), "路灯坏了很久");

        for (String recipient : new String[] {"POLICE", "CYBERSPACE"}) {
            mvc.perform(post("/api/events/" + bridge.id() + "/referrals").with(As.person(accounts, "yanpan"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"recipient\": \"" + recipient
                                    + "\", \"itemId\": " + rumour + ", \"handedOver\": \"发帖账号、截图及传播路径\"}"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.itemId").value(rumour));
        }
        mvc.perform(post("/api/events/" + bridge.id() + "/referrals").with(As.person(accounts, "yanpan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recipient\": \"POLICE\", \"handedOver\": \"线索\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.detail", containsString("信息的编号")));
        mvc.perform(post("/api/events/" + bridge.id() + "/referrals").with(As.person(accounts, "yanpan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recipient\": \"POLICE\", \"itemId\": " + elsewhere
                                + ", \"handedOver\": \"线索\"}"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.detail", containsString("不属于本事件")));

        mvc.perform(get("/api/events/" + bridge.id() + "/referrals").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].recipientLabel").value("公安机关"))
                .andExpect(jsonPath("$[1].recipientLabel").value("网络监管部门（网信）"));
        assertThat(jdbc.queryForObject("select count(*) from referral where event_id = ? and item_id = ?", Integer.class,
                bridge.id(), rumour)).isEqualTo(2);
        // counted in the review, with the item named
        mvc.perform(get("/api/events/" + bridge.id() + "/review").with(As.person(accounts, "yanpan")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("信息#" + rumour)));
    }
}
