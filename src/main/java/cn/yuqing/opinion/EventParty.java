package cn.yuqing.opinion;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A unit's part in an event (clause 3). A department sees the events it is party to. */
@Entity
@IdClass(EventParty.Key.class)
public class EventParty {

    public enum Role {
        RESPONSIBLE("第一责任主体"), LEAD("牵头部门"), CO_HANDLER("协办单位"), COORDINATOR("组织协调");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static class Key implements Serializable {
        Long eventId;
        Long unitId;
        Role role;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(eventId, k.eventId) && Objects.equals(unitId, k.unitId) && role == k.role;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, unitId, role);
        }
    }

    @Id
    private Long eventId;

    @Id
    private Long unitId;

    @Id
    @Enumerated(EnumType.STRING)
    private Role role;

    private String duty;

    protected EventParty() {
    }

    EventParty(Long eventId, Long unitId, Role role, String duty) {
        this.eventId = eventId;
        this.unitId = unitId;
        this.role = role;
        this.duty = duty;
    }

    public Long eventId() { return eventId; }
    public Long unitId() { return unitId; }
    public Role role() { return role; }
    public String duty() { return duty; }
}
