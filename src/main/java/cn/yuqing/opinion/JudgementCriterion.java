package cn.yuqing.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A criterion of 4.3 ("属于但不仅限于": data, and the list can grow). */
@Entity
public class JudgementCriterion {

    @Id
    private String code;

    private String text;

    private boolean active = true;

    protected JudgementCriterion() {
    }

    public String code() { return code; }
    public String text() { return text; }
    public boolean active() { return active; }
}
