package cn.yuqing.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yuqing.organisation.AccountSettings;
import cn.yuqing.organisation.OrganisationDirectory;
import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.Role;
import cn.yuqing.shared.DataCipher;
import cn.yuqing.shared.EncryptedColumns;
import cn.yuqing.shared.Times;

/**
 * The self-check of GB/T 22239-2019 level 3, 安全计算环境 (8.1.4): for each control that applies to
 * an application, what the system does, the setting in force now (read from the running system, not
 * written here), whether it holds, and what the operator must do outside the system. docs/security.md
 * is the same list with where each is implemented and tested.
 */
@Service
@Transactional(readOnly = true)
public class SelfCheck {

    /** 符合: in force; 注意: the system can but a setting or a step is missing; 系统外: the operator's part. */
    public enum Status {
        MET("符合", "text-bg-success"), ATTENTION("需注意", "text-bg-warning"), OUTSIDE("系统外", "text-bg-secondary");

        private final String label;
        private final String badge;

        Status(String label, String badge) {
            this.label = label;
            this.badge = badge;
        }

        public String label() {
            return label;
        }

        public String badge() {
            return badge;
        }
    }

    /** One control: its clause, what is asked, what the system does, the setting now, the status, the operator's part. */
    public record Control(String clause, String asked, String implemented, String setting, Status status, String operator) {
    }

    private final AccountSettings accounts;
    private final OrganisationDirectory directory;
    private final DataCipher cipher;
    private final EncryptedColumns columns;
    private final Environment environment;

    SelfCheck(AccountSettings accounts, OrganisationDirectory directory, DataCipher cipher, EncryptedColumns columns,
            Environment environment) {
        this.accounts = accounts;
        this.directory = directory;
        this.cipher = cipher;
        this.columns = columns;
        this.environment = environment;
    }

    public List<Control> controls() {
        List<Control> list = new ArrayList<>();
        list.add(new Control("8.1.4.1 a", "身份标识唯一，口令有复杂度要求并定期更换",
                "用户名唯一；新口令须含大写、小写、数字、符号中至少三类，不得含用户名，不得与当前口令相同",
                "口令最短 " + accounts.minPasswordLength() + " 位；" + (accounts.passwordsExpire()
                        ? "每 " + accounts.passwordMaxAge().toDays() + " 天须更换" : "口令不过期"),
                accounts.passwordsExpire() ? Status.MET : Status.ATTENTION,
                accounts.passwordsExpire() ? "" : "设置 yuqing.accounts.password-max-age（如 90d）"));
        list.add(new Control("8.1.4.1 b", "登录失败处理、结束会话、限制非法登录次数、超时自动退出",
                "连续失败后锁定账户；空闲超时与登录总时长超时自动退出；退出即结束会话",
                "连续失败 " + accounts.maxFailedSignIns() + " 次锁定 " + minutes(accounts.lockout()) + "；空闲 "
                        + minutes(accounts.idleTimeout()) + " 退出；登录满 " + minutes(accounts.absoluteTimeout()) + " 退出",
                accounts.idleTimeout().compareTo(Duration.ofMinutes(30)) <= 0 ? Status.MET : Status.ATTENTION,
                accounts.idleTimeout().compareTo(Duration.ofMinutes(30)) <= 0 ? "" : "空闲超时宜不超过30分钟"));
        list.add(new Control("8.1.4.1 c", "远程管理时防止鉴别信息在传输中被窃听",
                "系统只在本机或内网监听；经 HTTPS 访问时要求浏览器此后只用 HTTPS", "由部署决定", Status.OUTSIDE,
                "在反向代理（如 Nginx）上配置 TLS（可用国密证书），只开放 443 端口"));
        list.add(secondFactor());
        list.add(defaultAccounts());
        list.add(threeAdministrators());
        list.add(new Control("8.1.4.2 e、f", "由授权主体配置访问控制策略，粒度到用户级",
                "权限代码随模块声明、按角色汇总；每个页面与接口声明所需权限；数据范围限于本单位及下属",
                "角色授予由安全管理员完成", Status.MET, ""));
        list.add(new Control("8.1.4.3 a～c", "安全审计覆盖每个用户，记录日期时间、用户、事件类型、结果，并受保护",
                "每项改动写入哈希链审计日志（不可改写，可校验）；审计管理员查阅、校验、按时段导出（附 SM3 摘要，可离线核验）；链头每日及每次备份时另存于数据库以外",
                "审计日志在库内保留 " + environment.getProperty("yuqing.audit.retention", "180d") + "，期满归档；链头另存于 "
                        + environment.getProperty("yuqing.audit.anchor-file", ""), Status.MET,
                "定期将审计链头与备份复制到系统以外保存"));
        list.add(new Control("8.1.4.4 d", "数据有效性检验", "所有表单与接口按规则校验，拒绝时给出中文原因且不保存半条记录；采集文本处处转义",
                "始终开启", Status.MET, ""));
        list.add(new Control("8.1.4.4 a、b、e、f", "最小安装、关闭不需要的服务、及时修补漏洞、入侵检测",
                "系统仅监听一个端口；依赖库随版本发布", "由部署决定", Status.OUTSIDE,
                "主机加固、关闭无关端口、及时升级操作系统与 JDK，部署入侵检测"));
        list.add(encryption());
        list.add(new Control("8.1.4.7", "重要数据在存储中的完整性", "加密字段使用带认证的加密模式（GCM），被改动即拒绝读取；审计日志哈希链",
                "始终开启", Status.MET, ""));
        list.add(new Control("8.1.4.9 a", "本地数据备份与恢复", "嵌入式部署每晚备份数据库与附件，可一键恢复；PostgreSQL 用其自带工具",
                "备份目录：" + environment.getProperty("yuqing.backup.dir", "").transform(d -> d.isBlank() ? "数据目录下的 backups" : d)
                        + "，保留 " + environment.getProperty("yuqing.backup.keep", "14") + " 份", Status.MET,
                "将备份与加密密钥分开复制到异地保存（密钥不得与数据放在一起）"));
        list.add(new Control("8.1.4.11", "仅采集必需的个人信息，禁止未授权访问", "电话、邮箱、来信地址加密存储；审计中只记录脱敏值；按单位数据范围控制访问",
                "始终开启", Status.MET, ""));
        return list;
    }

    private Control secondFactor() {
        boolean forAdministrators = accounts.secondFactorForAdministrators();
        long unbound = Role.THREE_ADMINISTRATORS.stream().flatMap(r -> directory.peopleWithRole(r).stream())
                .filter(p -> !p.secondFactorEnabled()).count();
        String setting = (forAdministrators ? "三员必须使用动态口令" : "三员未强制使用动态口令（演示设置）") + "；尚未绑定的三员账户 " + unbound + " 个";
        return new Control("8.1.4.1 d", "两种或以上鉴别技术组合，其一使用密码技术",
                "口令（BCrypt 存储）加基于时间的动态口令（RFC 6238，基于密码杂凑的消息鉴别码，属密码技术），手机扫码绑定，恢复码各用一次；其他用户可自愿启用；接口不接受三员的用户名口令",
                setting, forAdministrators ? Status.MET : Status.ATTENTION,
                forAdministrators ? "" : "设置 yuqing.accounts.second-factor-for-administrators=true");
    }

    private Control defaultAccounts() {
        List<String> unchanged = new ArrayList<>();
        for (String name : List.of("admin", "secadmin", "auditadmin")) {
            directory.person(name).filter(Person::mustChangePassword).ifPresent(p -> unchanged.add(name));
        }
        return new Control("8.1.4.2 b、c", "修改默认账户的默认口令，停用多余账户，避免共享账户",
                "初始三员账户的口令来自环境变量或首次启动时生成并只显示一次，首次登录须修改；账户可停用",
                unchanged.isEmpty() ? "初始账户均已修改口令" : "尚未修改口令的初始账户：" + String.join("、", unchanged),
                unchanged.isEmpty() ? Status.MET : Status.ATTENTION, "定期清理离岗人员账户");
    }

    private Control threeAdministrators() {
        Map<Role, Integer> holders = new EnumMap<>(Role.class);
        Set<Long> seen = new HashSet<>();
        Set<String> twice = new java.util.TreeSet<>();
        for (Role role : Role.THREE_ADMINISTRATORS) {
            List<Person> people = directory.peopleWithRole(role);
            holders.put(role, people.size());
            people.forEach(p -> {
                if (!seen.add(p.id())) {
                    twice.add(p.username());
                }
            });
        }
        boolean separate = twice.isEmpty() && holders.values().stream().allMatch(n -> n > 0);
        StringBuilder setting = new StringBuilder();
        holders.forEach((role, n) -> setting.append(role.label()).append(' ').append(n).append(" 人；"));
        if (!twice.isEmpty()) {
            setting.append("兼任者：").append(String.join("、", twice));
        }
        return new Control("8.1.4.2 d", "授予管理用户所需的最小权限，实现管理用户的权限分离（三员分立）",
                "系统管理员、安全管理员、审计管理员三个角色权限互斥，不得由一人兼任；安全管理员不能给自己授予角色",
                setting.toString(), separate ? Status.MET : Status.ATTENTION, separate ? "" : "由安全管理员为三员各指定一人");
    }

    private Control encryption() {
        long clear = columns.all().stream().mapToLong(columns::clearValues).sum();
        boolean fromEnvironment = !environment.getProperty("yuqing.crypto.key", "").isBlank();
        String setting = !cipher.configured() ? "未配置密钥" : cipher.describe() + "；密钥来自"
                + (fromEnvironment ? "环境变量" : "数据目录中的密钥文件") + (clear > 0 ? "；尚有 " + clear + " 项未加密的旧数据" : "");
        Status status = cipher.configured() && fromEnvironment && clear == 0 ? Status.MET : Status.ATTENTION;
        String operator = !cipher.configured() ? "设置环境变量 YUQING_DATA_KEY（openssl rand -base64 16）"
                : !fromEnvironment ? "生产环境请改由环境变量 YUQING_DATA_KEY 提供密钥" : clear > 0 ? "运行 --rotate-data-key 加密旧数据" : "";
        return new Control("8.1.4.8 b", "重要数据在存储中的保密性（鉴别数据、重要业务数据、个人信息）",
                "口令以 BCrypt 存储，接口密钥以摘要存储；邮箱口令、群机器人地址与密钥、电话、邮箱、来信地址以 SM4（或 AES）加密存储；密钥轮换有命令",
                setting + "（" + columns.all().size() + " 个加密字段）", status, operator);
    }

    private static String minutes(Duration d) {
        return Times.describe(d);
    }
}
