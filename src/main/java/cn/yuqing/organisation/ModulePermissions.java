package cn.yuqing.organisation;

import java.util.List;

/**
 * A module's permission codes and the roles holding each, declared beside the module's own pages
 * (a Spring bean); {@link Permissions} gathers them, so that a new module adds its codes without
 * touching the directory.
 */
public interface ModulePermissions {

    List<Permission> permissions();
}
