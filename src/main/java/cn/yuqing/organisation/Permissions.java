package cn.yuqing.organisation;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/** Every module's permissions, gathered once at start: what each role may do is read here. */
@Component
public class Permissions {

    private final Map<String, Permission> byCode = new TreeMap<>();
    private final Map<Role, Set<String>> byRole = new EnumMap<>(Role.class);

    public Permissions(List<ModulePermissions> modules) {
        for (ModulePermissions module : modules) {
            for (Permission p : module.permissions()) {
                if (byCode.putIfAbsent(p.code(), p) != null) {
                    throw new IllegalStateException("权限代码重复声明：" + p.code());
                }
                p.roles().forEach(r -> byRole.computeIfAbsent(r, k -> new TreeSet<>()).add(p.code()));
            }
        }
    }

    /** The codes the roles hold together. */
    public Set<String> of(Collection<Role> roles) {
        Set<String> codes = new TreeSet<>();
        roles.forEach(r -> codes.addAll(byRole.getOrDefault(r, Set.of())));
        return codes;
    }

    /** Every declared permission, by code. */
    public List<Permission> all() {
        return List.copyOf(byCode.values());
    }

    public boolean declared(String code) {
        return byCode.containsKey(code);
    }
}
