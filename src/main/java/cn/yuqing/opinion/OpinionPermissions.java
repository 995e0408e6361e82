package cn.yuqing.opinion;

import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import cn.yuqing.organisation.ModulePermissions;
import cn.yuqing.organisation.Permission;
import cn.yuqing.organisation.Role;

/** The permission codes of events and work orders (4.2–4.4), and the roles that hold each. */
@NamedInterface("port")
@Component
public class OpinionPermissions implements ModulePermissions {

    public static final String EVENT_VIEW = "opinion:event:view";
    public static final String EVENT_EDIT = "opinion:event:edit";
    public static final String ORDER_HANDLE = "opinion:order:handle";
    public static final String ORDER_ARBITRATE = "opinion:order:arbitrate";

    @Override
    public List<Permission> permissions() {
        return List.of(
                Permission.everyone(EVENT_VIEW, "查看舆情事件"),
                Permission.of(EVENT_EDIT, "办理舆情事件（核实、研判、交办）", Role.ANALYST, Role.GOVERNMENT_OFFICE, Role.PUBLICITY),
                Permission.of(ORDER_HANDLE, "办理本单位任务单（签收、退单、申请延期、办结）", Role.RESPONDER, Role.DEPARTMENT_HEAD),
                Permission.of(ORDER_ARBITRATE, "仲裁退单、审批延期、印发催办通知书和督办单", Role.GOVERNMENT_OFFICE));
    }
}
