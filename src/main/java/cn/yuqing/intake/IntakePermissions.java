package cn.yuqing.intake;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of items, patrols, channels, sources and imports (4.1), and the roles that hold each. */
@Component
public class IntakePermissions implements ModulePermissions {

    public static final String ITEM_VIEW = "intake:item:view";
    public static final String ITEM_CAPTURE = "intake:item:capture";
    public static final String ITEM_ANNOTATE = "intake:item:annotate";
    public static final String ITEM_REPORT = "intake:item:report";
    public static final String PATROL_RECORD = "intake:patrol:record";
    public static final String PATROL_VIEW = "intake:patrol:view";
    public static final String CHANNEL_EDIT = "intake:channel:edit";
    public static final String SOURCE_VIEW = "intake:source:view";
    public static final String SOURCE_EDIT = "intake:source:edit";
    public static final String IMPORT_RUN = "intake:import:run";
    /** Held by no role: only a collector signing its calls with an API key (ApiKeySecurity). */
    public static final String API_SUBMIT = "intake:api:submit";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.everyone(ITEM_VIEW, "查看舆情信息"),
                Permission.of(ITEM_CAPTURE, "录入舆情信息", Role.MONITOR, Role.ANALYST),
                Permission.of(ITEM_ANNOTATE, "标注舆情信息", Role.MONITOR, Role.ANALYST),
                Permission.of(ITEM_REPORT, "报送舆情信息", Role.MONITOR, Role.ANALYST, Role.GOVERNMENT_OFFICE, Role.PUBLICITY),
                Permission.of(PATROL_RECORD, "记录巡查", Role.MONITOR),
                Permission.of(PATROL_VIEW, "查看巡查情况", Role.MONITOR, Role.ANALYST, Role.DEPARTMENT_HEAD,
                        Role.GOVERNMENT_OFFICE, Role.PRINCIPAL_LEADER, Role.ASSESSOR, Role.ADMINISTRATOR),
                Permission.of(CHANNEL_EDIT, "维护渠道", Role.ADMINISTRATOR),
                Permission.of(SOURCE_VIEW, "查看采集来源", Role.MONITOR, Role.GOVERNMENT_OFFICE, Role.ADMINISTRATOR),
                Permission.of(SOURCE_EDIT, "维护采集来源", Role.ADMINISTRATOR),
                Permission.of(IMPORT_RUN, "导入文件", Role.MONITOR, Role.ANALYST, Role.ADMINISTRATOR),
                Permission.of(API_SUBMIT, "通过接口提交舆情信息（仅限接口密钥）"));
    }
}
