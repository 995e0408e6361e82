package cn.yuqing.organisation;

import java.util.Set;

/**
 * The roles of DOMAIN.md, each with its permission codes ({@code module:record:action}, as county
 * IT staff know them from RuoYi) and the data scope it grants. Later modules add their codes here,
 * so that what a role may do is read in one place.
 */
public enum Role {

    MONITOR("监控人员", ScopeKind.UNIT_AND_BELOW, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW,
            Codes.ITEM_CAPTURE, Codes.ITEM_ANNOTATE, Codes.ITEM_REPORT, Codes.PATROL_RECORD, Codes.PATROL_VIEW,
            Codes.SOURCE_VIEW, Codes.IMPORT_RUN, Codes.CANDIDATE_VIEW, Codes.EVENT_VIEW),
    ANALYST("研判人员", ScopeKind.UNIT_AND_BELOW, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW,
            Codes.ITEM_CAPTURE, Codes.ITEM_ANNOTATE, Codes.ITEM_REPORT, Codes.PATROL_VIEW, Codes.IMPORT_RUN,
            Codes.CANDIDATE_VIEW, Codes.CANDIDATE_EDIT, Codes.SENTIMENT_CORRECT, Codes.TOPIC_CORRECT, Codes.BATCH_RUN,
            Codes.SCHEME_VIEW, Codes.EVENT_VIEW, Codes.EVENT_EDIT, Codes.RELEASE_DRAFT, Codes.GUIDANCE_RECORD),
    RESPONDER("部门回应人员", ScopeKind.UNIT, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW, Codes.EVENT_VIEW, Codes.ORDER_HANDLE,
            Codes.RELEASE_DRAFT),
    DEPARTMENT_HEAD("部门负责人", ScopeKind.UNIT_AND_BELOW, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW,
            Codes.PATROL_VIEW, Codes.EVENT_VIEW, Codes.ORDER_HANDLE, Codes.RELEASE_DRAFT, Codes.RELEASE_REVIEW, Codes.GUIDANCE_RECORD,
            Codes.SCORECARD_VIEW),
    GOVERNMENT_OFFICE("政府办公室", ScopeKind.REGION, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW,
            Codes.ITEM_REPORT, Codes.PATROL_VIEW, Codes.SOURCE_VIEW, Codes.CANDIDATE_VIEW, Codes.SCHEME_VIEW, Codes.EVENT_VIEW, Codes.EVENT_EDIT, Codes.POLICY_EDIT,
            Codes.ROUTING_RULES_EDIT, Codes.CALENDAR_EDIT, Codes.RELEASE_DRAFT, Codes.RELEASE_REVIEW, Codes.TEMPLATE_EDIT, Codes.GUIDANCE_RECORD, Codes.SCORECARD_VIEW,
            Codes.ASSESSMENT_EDIT),
    PUBLICITY("宣传部门", ScopeKind.REGION, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW, Codes.ITEM_REPORT,
            Codes.CANDIDATE_VIEW, Codes.EVENT_VIEW, Codes.EVENT_EDIT, Codes.RELEASE_DRAFT, Codes.RELEASE_REVIEW,
            Codes.GUIDANCE_RECORD),
    PRINCIPAL_LEADER("主要负责同志", ScopeKind.REGION, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.ITEM_VIEW,
            Codes.PATROL_VIEW, Codes.CANDIDATE_VIEW, Codes.EVENT_VIEW, Codes.RELEASE_REVIEW, Codes.GUIDANCE_RECORD,
            Codes.SCORECARD_VIEW),
    ASSESSOR("考核人员", ScopeKind.REGION, Codes.DIRECTORY_VIEW, Codes.PERSON_VIEW, Codes.AUDIT_VIEW, Codes.AUDIT_VERIFY,
            Codes.ITEM_VIEW, Codes.PATROL_VIEW, Codes.EVENT_VIEW, Codes.SCORECARD_VIEW, Codes.ASSESSMENT_EDIT),
    ADMINISTRATOR("系统管理员", ScopeKind.REGION, Codes.DIRECTORY_VIEW, Codes.DIRECTORY_EDIT, Codes.PERSON_VIEW,
            Codes.PERSON_EDIT, Codes.AUDIT_VIEW, Codes.AUDIT_VERIFY, Codes.ITEM_VIEW, Codes.PATROL_VIEW,
            Codes.CHANNEL_EDIT, Codes.SOURCE_VIEW, Codes.SOURCE_EDIT, Codes.IMPORT_RUN, Codes.SCHEME_VIEW, Codes.SCHEME_EDIT,
            Codes.BATCH_RUN, Codes.EVENT_VIEW, Codes.POLICY_EDIT, Codes.ROUTING_RULES_EDIT, Codes.CALENDAR_EDIT, Codes.CLOCK_MOVE, Codes.DELIVERY_VIEW,
            Codes.METRICS_VIEW, Codes.BACKUP_RUN);

    private final String label;
    private final ScopeKind scope;
    private final Set<String> permissions;

    Role(String label, ScopeKind scope, String... permissions) {
        this.label = label;
        this.scope = scope;
        this.permissions = Set.of(permissions);
    }

    public String label() {
        return label;
    }

    public ScopeKind scope() {
        return scope;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /** How far a role sees beyond its own unit. */
    public enum ScopeKind {
        /** Only the person's own unit. */
        UNIT,
        /**
         * The own unit and its vertically managed subordinates; for a government or its office, every
         * unit of its region and the regions below.
         */
        UNIT_AND_BELOW,
        /** Every unit of the person's region and the regions below it. */
        REGION
    }

    /** Permission codes, in one place so that a typo is a compile error, not a silent denial. */
    public static final class Codes {
        public static final String DIRECTORY_VIEW = "organisation:directory:view";
        public static final String DIRECTORY_EDIT = "organisation:directory:edit";
        public static final String PERSON_VIEW = "organisation:person:view";
        public static final String PERSON_EDIT = "organisation:person:edit";
        public static final String AUDIT_VIEW = "audit:log:view";
        public static final String AUDIT_VERIFY = "audit:chain:verify";
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
        public static final String CANDIDATE_VIEW = "analysis:candidate:view";
        public static final String CANDIDATE_EDIT = "analysis:candidate:edit";
        public static final String SENTIMENT_CORRECT = "analysis:sentiment:correct";
        public static final String TOPIC_CORRECT = "analysis:topic:correct";
        public static final String SCHEME_VIEW = "analysis:scheme:view";
        public static final String SCHEME_EDIT = "analysis:scheme:edit";
        public static final String BATCH_RUN = "analysis:batch:run";
        public static final String EVENT_VIEW = "opinion:event:view";
        public static final String EVENT_EDIT = "opinion:event:edit";
        public static final String ORDER_HANDLE = "opinion:order:handle";
        public static final String POLICY_EDIT = "deadline:policy:edit";
        /** The context-only matter words of clause 3's routing. */
        public static final String ROUTING_RULES_EDIT = "responsibility:rules:edit";
        public static final String RELEASE_DRAFT = "response:release:draft";
        public static final String GUIDANCE_RECORD = "followup:guidance:record";
        public static final String SCORECARD_VIEW = "assessment:scorecard:view";
        public static final String ASSESSMENT_EDIT = "assessment:notice:edit";
        public static final String RELEASE_REVIEW = "response:release:review";
        public static final String TEMPLATE_EDIT = "response:template:edit";
        public static final String CALENDAR_EDIT = "deadline:calendar:edit";
        public static final String CLOCK_MOVE = "system:clock:move";
        public static final String DELIVERY_VIEW = "notification:delivery:view";
        /** Reading /actuator/prometheus with HTTP Basic: give it to the account the monitoring scrapes with. */
        public static final String METRICS_VIEW = "system:metrics:view";
        public static final String BACKUP_RUN = "system:backup:run";

        private Codes() {
        }
    }
}
