package cn.yuqing.analysis;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of candidates, corrections and monitoring schemes, and the roles that hold each. */
@Component
public class AnalysisPermissions implements ModulePermissions {

    public static final String CANDIDATE_VIEW = "analysis:candidate:view";
    public static final String CANDIDATE_EDIT = "analysis:candidate:edit";
    public static final String SENTIMENT_CORRECT = "analysis:sentiment:correct";
    public static final String TOPIC_CORRECT = "analysis:topic:correct";
    public static final String SCHEME_VIEW = "analysis:scheme:view";
    public static final String SCHEME_EDIT = "analysis:scheme:edit";
    public static final String BATCH_RUN = "analysis:batch:run";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.of(CANDIDATE_VIEW, "查看候选事件", Role.MONITOR, Role.ANALYST, Role.GOVERNMENT_OFFICE,
                        Role.PUBLICITY, Role.PRINCIPAL_LEADER),
                Permission.of(CANDIDATE_EDIT, "处理候选事件", Role.ANALYST),
                Permission.of(SENTIMENT_CORRECT, "纠正情感判断", Role.ANALYST),
                Permission.of(TOPIC_CORRECT, "纠正主题归类", Role.ANALYST),
                Permission.of(SCHEME_VIEW, "查看监测方案", Role.ANALYST, Role.GOVERNMENT_OFFICE, Role.ADMINISTRATOR),
                Permission.of(SCHEME_EDIT, "维护监测方案", Role.ADMINISTRATOR),
                Permission.of(BATCH_RUN, "批量重新分析", Role.ANALYST, Role.ADMINISTRATOR));
    }
}
