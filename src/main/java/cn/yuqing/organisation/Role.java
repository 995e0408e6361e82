package cn.yuqing.organisation;

/**
 * The roles of DOMAIN.md and the data scope each grants. What a role may do is declared by each
 * module beside its pages ({@link ModulePermissions}) and gathered by {@link Permissions}.
 */
public enum Role {

    MONITOR("监控人员", ScopeKind.UNIT_AND_BELOW),
    ANALYST("研判人员", ScopeKind.UNIT_AND_BELOW),
    RESPONDER("部门回应人员", ScopeKind.UNIT),
    DEPARTMENT_HEAD("部门负责人", ScopeKind.UNIT_AND_BELOW),
    GOVERNMENT_OFFICE("政府办公室", ScopeKind.REGION),
    PUBLICITY("宣传部门", ScopeKind.REGION),
    PRINCIPAL_LEADER("主要负责同志", ScopeKind.REGION),
    ASSESSOR("考核人员", ScopeKind.REGION),
    /** 三员分立 (等保 level 3): accounts and settings, not the audit, not the granting of the administrators' roles. */
    ADMINISTRATOR("系统管理员", ScopeKind.REGION),
    /** Grants and withdraws roles, sets the security settings, reads the self-check. */
    SECURITY_ADMINISTRATOR("安全管理员", ScopeKind.REGION),
    /** Reads, verifies and exports the audit; changes nothing. */
    AUDIT_ADMINISTRATOR("审计管理员", ScopeKind.REGION);

    /** The three administrators of 三员分立: no person holds two of them. */
    public static final java.util.Set<Role> THREE_ADMINISTRATORS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(ADMINISTRATOR, SECURITY_ADMINISTRATOR, AUDIT_ADMINISTRATOR));

    private final String label;
    private final ScopeKind scope;

    Role(String label, ScopeKind scope) {
        this.label = label;
        this.scope = scope;
    }

    public String label() {
        return label;
    }

    public ScopeKind scope() {
        return scope;
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
}
