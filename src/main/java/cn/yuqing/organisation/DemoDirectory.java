package cn.yuqing.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for 潢川县: its 23 townships and 301 villages from the official division codes, a
 * realistic set of county departments (three of them vertically managed), the city units above
 * them, and one account per role. Loaded only into an empty directory, only in the demo profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoDirectory {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    static final String COUNTY = "411526";
    static final String CITY = "4115";

    @Bean
    @Order(1)
    ApplicationRunner demoDirectoryLoader(OrganisationManagement management, RegionRepository regions,
            PersonRepository people, UnitRepository units, PasswordEncoder encoder, TransactionTemplate tx,
            @Value("${yuqing.demo.password:}") String configuredPassword, Accounts accounts, java.time.Clock clock) {
        return args -> {
            if (regions.existsById(COUNTY)) {
                return;
            }
            String password = configuredPassword.isBlank() ? accounts.generatePassword() : configuredPassword;
            int[] staffed = new int[1];
            tx.executeWithoutResult(status -> {
                management.importDivisions(readDivisions());
                Map<String, Unit> byShort = createUnits(management, regions);
                String hash = encoder.encode(password);
                List<DemoPerson> everyone = new java.util.ArrayList<>(PEOPLE);
                everyone.addAll(staffOfRoutableUnits(byShort));
                for (DemoPerson p : everyone) {
                    Unit unit = byShort.get(p.unit());
                    Person person = new Person(p.username(), new PersonData(p.fullName(), unit.id(), p.roles(), null,
                            p.username() + "@example.gov.cn", true, TITLES.get(p.username())), unit, hash);
                    person.changePassword(hash, false, clock.instant());
                    people.save(person);
                }
                staffed[0] = everyone.size() - PEOPLE.size();
            });
            log.warn("""

                    ================================================================
                      演示数据已载入：潢川县 23 个乡镇（街道）、{} 个单位、{} 个演示账户
                      演示账户密码（所有演示账户相同，只显示这一次）：{}
                      演示账户：{}
                      另有各部门、各乡镇的回应人员和负责人账户 {} 个（如 jiaotong.huiying、jiaotong.fuzeren，见“人员”）
                    ================================================================
                    """, units.count(), PEOPLE.size() + staffed[0], configuredPassword.isBlank() ? password : "取自 YUQING_DEMO_PASSWORD",
                    String.join("、", PEOPLE.stream().map(p -> p.username() + "（" + p.fullName() + "）").toList()), staffed[0]);
        };
    }

    static List<DivisionImport.Row> readDivisions() {
        try (InputStream in = new ClassPathResource("demo/divisions-huangchuan.csv").getInputStream()) {
            return DivisionImport.parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("demo divisions missing from the jar", e);
        }
    }

    record DemoUnit(String name, String shortNames, UnitKind kind, String region, String superior, Set<String> competences) {
        String key() {
            return shortNames.split(",")[0];
        }
    }

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("信阳市人民政府", "市政府", UnitKind.GOVERNMENT, CITY, null, Set.of()),
            new DemoUnit("信阳市人民政府办公室", "市政府办", UnitKind.GOVERNMENT_OFFICE, CITY, null, Set.of()),
            new DemoUnit("中共信阳市委宣传部", "市委宣传部", UnitKind.PUBLICITY_DEPARTMENT, CITY, null, Set.of()),
            new DemoUnit("信阳市生态环境局", "市生态环境局", UnitKind.DEPARTMENT, CITY, null, Set.of("ENVIRONMENT")),
            new DemoUnit("国家税务总局信阳市税务局", "市税务局", UnitKind.DEPARTMENT, CITY, null, Set.of("TAX")),
            new DemoUnit("信阳市气象局", "市气象局", UnitKind.DEPARTMENT, CITY, null, Set.of("WEATHER")),
            new DemoUnit("潢川县人民政府", "县政府,潢川县政府", UnitKind.GOVERNMENT, COUNTY, null, Set.of()),
            new DemoUnit("潢川县人民政府办公室", "县政府办,潢川县政府办", UnitKind.GOVERNMENT_OFFICE, COUNTY, null, Set.of("POLICY")),
            new DemoUnit("中共潢川县委宣传部", "县委宣传部", UnitKind.PUBLICITY_DEPARTMENT, COUNTY, null, Set.of()),
            new DemoUnit("潢川县住房和城乡建设局", "县住建局,住建局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("HOUSING")),
            new DemoUnit("潢川县教育体育局", "县教体局,教体局,县教育局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("EDUCATION")),
            new DemoUnit("潢川县卫生健康委员会", "县卫健委,卫健委", UnitKind.DEPARTMENT, COUNTY, null, Set.of("HEALTH")),
            new DemoUnit("潢川县交通运输局", "县交通局,交通局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("TRANSPORT")),
            new DemoUnit("信阳市生态环境局潢川分局", "潢川环境分局,县环保局", UnitKind.DEPARTMENT, COUNTY, "市生态环境局",
                    Set.of("ENVIRONMENT")),
            new DemoUnit("潢川县市场监督管理局", "县市场监管局,市场监管局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("MARKET")),
            new DemoUnit("潢川县公安局", "县公安局,公安局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("PUBLIC_ORDER")),
            new DemoUnit("潢川县民政局", "县民政局,民政局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("CIVIL")),
            new DemoUnit("潢川县人力资源和社会保障局", "县人社局,人社局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("EMPLOYMENT")),
            new DemoUnit("潢川县农业农村局", "县农业农村局,农业农村局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("AGRICULTURE")),
            new DemoUnit("潢川县自然资源局", "县自然资源局,自然资源局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("LAND")),
            new DemoUnit("潢川县水利局", "县水利局,水利局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("WATER")),
            new DemoUnit("潢川县应急管理局", "县应急局,应急管理局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("EMERGENCY")),
            new DemoUnit("潢川县城市管理局", "县城管局,城管局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("URBAN")),
            new DemoUnit("国家税务总局潢川县税务局", "县税务局,税务局", UnitKind.DEPARTMENT, COUNTY, "市税务局", Set.of("TAX")),
            new DemoUnit("潢川县财政局", "县财政局,财政局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("FINANCE")),
            new DemoUnit("潢川县信访局", "县信访局,信访局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("PETITION")),
            new DemoUnit("潢川县文化广电和旅游局", "县文广旅局,文广旅局", UnitKind.DEPARTMENT, COUNTY, null, Set.of("CULTURE")),
            new DemoUnit("潢川县气象局", "县气象局,气象局", UnitKind.DEPARTMENT, COUNTY, "市气象局", Set.of("WEATHER")));

    /** The posts releases name: the county head, a township head, a bureau head. */
    static final Map<String, String> TITLES = Map.of("xianzhang", "县长", "xuezi.zhenzhang", "镇长",
            "zhujian.fuzeren", "局长");

    record DemoPerson(String username, String fullName, String unit, Set<Role> roles) {
    }

    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("jiankong", "陈静（监控）", "县政府办", EnumSet.of(Role.MONITOR)),
            new DemoPerson("jiankong.xuezi", "刘洋（踅孜镇监控）", "踅孜镇", EnumSet.of(Role.MONITOR)),
            new DemoPerson("yanpan", "王磊（研判）", "县政府办", EnumSet.of(Role.ANALYST)),
            new DemoPerson("zhujian.huiying", "赵敏（住建局回应）", "县住建局", EnumSet.of(Role.RESPONDER)),
            new DemoPerson("zhujian.fuzeren", "孙伟（住建局负责人）", "县住建局", EnumSet.of(Role.DEPARTMENT_HEAD)),
            new DemoPerson("xuezi.huiying", "周婷（踅孜镇回应）", "踅孜镇", EnumSet.of(Role.RESPONDER)),
            new DemoPerson("sanpi.huiying", "吴刚（伞陂镇回应）", "伞陂镇", EnumSet.of(Role.RESPONDER)),
            new DemoPerson("zhengfuban", "郑华（政府办）", "县政府办", EnumSet.of(Role.GOVERNMENT_OFFICE)),
            new DemoPerson("xuanchuan", "冯丽（宣传部）", "县委宣传部", EnumSet.of(Role.PUBLICITY)),
            new DemoPerson("xianzhang", "何明（县长）", "县政府", EnumSet.of(Role.PRINCIPAL_LEADER)),
            new DemoPerson("kaohe", "许平（考核）", "县政府办", EnumSet.of(Role.ASSESSOR)),
            new DemoPerson("guanli", "邓军（县管理员）", "县政府办", EnumSet.of(Role.ADMINISTRATOR)),
            new DemoPerson("anquan", "马丽（安全管理员）", "县政府办", EnumSet.of(Role.SECURITY_ADMINISTRATOR)),
            new DemoPerson("shenji", "高峰（审计管理员）", "县政府办", EnumSet.of(Role.AUDIT_ADMINISTRATOR)),
            new DemoPerson("xuezi.zhenzhang", "钱勇（踅孜镇镇长）", "踅孜镇", EnumSet.of(Role.PRINCIPAL_LEADER)),
            new DemoPerson("shi.zhengfuban", "孔强（市政府办）", "市政府办", EnumSet.of(Role.GOVERNMENT_OFFICE)));

    /** Account names of the units routing can pick: county departments by their usual short form, townships by pinyin. */
    static final Map<String, String> SLUGS = Map.ofEntries(Map.entry("县住建局", "zhujian"), Map.entry("县教体局", "jiaoti"),
            Map.entry("县卫健委", "weijian"), Map.entry("县交通局", "jiaotong"), Map.entry("潢川环境分局", "huanjing"),
            Map.entry("县市场监管局", "shichang"), Map.entry("县公安局", "gongan"), Map.entry("县民政局", "minzheng"),
            Map.entry("县人社局", "renshe"), Map.entry("县农业农村局", "nongye"), Map.entry("县自然资源局", "ziran"),
            Map.entry("县水利局", "shuili"), Map.entry("县应急局", "yingji"), Map.entry("县城管局", "chengguan"),
            Map.entry("县税务局", "shuiwu"), Map.entry("县财政局", "caizheng"), Map.entry("县信访局", "xinfang"),
            Map.entry("县文广旅局", "wenlv"), Map.entry("县气象局", "qixiang"), Map.entry("县政府", "xianzhengfu"),
            Map.entry("县政府办", "zhengfuban"),
            Map.entry("春申街道", "chunshen"), Map.entry("定城街道", "dingcheng"), Map.entry("弋阳街道", "yiyang"),
            Map.entry("老城街道", "laocheng"), Map.entry("双柳树镇", "shuangliushu"), Map.entry("伞陂镇", "sanpi"),
            Map.entry("卜塔集镇", "butaji"), Map.entry("仁和镇", "renhe"), Map.entry("付店镇", "fudian"),
            Map.entry("踅孜镇", "xuezi"), Map.entry("桃林铺镇", "taolinpu"), Map.entry("黄寺岗镇", "huangsigang"),
            Map.entry("江家集镇", "jiangjiaji"), Map.entry("魏岗镇", "weigang"), Map.entry("传流店乡", "chuanliudian"),
            Map.entry("张集乡", "zhangji"), Map.entry("来龙乡", "lailong"), Map.entry("隆古乡", "longgu"),
            Map.entry("谈店乡", "tandian"), Map.entry("上油岗乡", "shangyougang"), Map.entry("白店乡", "baidian"),
            Map.entry("黄湖农场", "huanghu"), Map.entry("河南省潢川经济技术开发区", "kaifaqu"));

    /**
     * Every unit routing can pick has someone to receive its work order and a head to escalate to
     * (clause 3): a responder and a head wherever the named demo accounts leave one missing.
     */
    static List<DemoPerson> staffOfRoutableUnits(Map<String, Unit> byKey) {
        List<DemoPerson> added = new java.util.ArrayList<>();
        SLUGS.forEach((key, slug) -> {
            Unit unit = byKey.get(key);
            if (unit == null) {
                return;
            }
            String label = key.length() > 6 ? "开发区" : key;
            for (Role role : List.of(Role.RESPONDER, Role.DEPARTMENT_HEAD)) {
                boolean has = PEOPLE.stream().anyMatch(p -> p.unit().equals(key) && p.roles().contains(role));
                String suffix = role == Role.RESPONDER ? "huiying" : "fuzeren";
                if (!has) {
                    added.add(new DemoPerson(slug + "." + suffix, label + (role == Role.RESPONDER ? "回应人员" : "负责人"), key,
                            EnumSet.of(role)));
                }
            }
        });
        added.sort(java.util.Comparator.comparing(DemoPerson::username));
        return added;
    }

    /** Creates the demo units; townships get their people's government, keyed by the township's short name. */
    static Map<String, Unit> createUnits(OrganisationManagement management, RegionRepository regions) {
        Map<String, Unit> byKey = new HashMap<>();
        for (DemoUnit u : UNITS) {
            Long superior = u.superior() == null ? null : byKey.get(u.superior()).id();
            Unit unit = management.createUnit(new UnitData(u.name(), u.shortNames(), u.kind(), u.region(),
                    superior != null, superior, u.competences()));
            byKey.put(u.key(), unit);
        }
        for (Region township : regions.findChildren(COUNTY)) {
            String name = township.name();
            String unitName = name.endsWith("街道") ? name + "办事处" : name.endsWith("农场") || name.endsWith("开发区")
                    ? name + "管理委员会" : name + "人民政府";
            Unit unit = management.createUnit(new UnitData(unitName, name, UnitKind.GOVERNMENT, township.code(), false,
                    null, Set.of()));
            byKey.put(name, unit);
        }
        return byKey;
    }
}
