package cn.yuqing.organisation.web;

import java.util.EnumSet;
import java.util.Set;

import cn.yuqing.organisation.Person;
import cn.yuqing.organisation.PersonData;
import cn.yuqing.organisation.Role;

class PersonForm {

    private String username;
    private String fullName;
    private String title;
    private Long unitId;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private String phone;
    private String email;
    private boolean enabled = true;
    private long version;

    static PersonForm of(Person p) {
        PersonForm f = new PersonForm();
        f.username = p.username();
        f.fullName = p.fullName();
        f.title = p.title();
        f.unitId = p.unit() == null ? null : p.unit().id();
        f.roles = p.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.roles());
        f.phone = p.phone();
        f.email = p.email();
        f.enabled = p.enabled();
        f.version = p.version();
        return f;
    }

    PersonData toData() {
        return new PersonData(fullName, unitId, roles, phone, email, enabled, title);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
