package cn.yuqing.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A category of matters; a unit's competence is the set of categories it is responsible for. */
@Entity
public class MatterCategory {

    @Id
    private String code;

    private String name;

    protected MatterCategory() {
    }

    MatterCategory(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }
}
