package cn.yuqing.opinion;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.springframework.modulith.NamedInterface;

/** A grade of the scheme (data): 特别重大 red, 重大 orange, 较大 yellow, 一般 blue by default. */
@NamedInterface("port")
@Entity
public class Grade {

    @Id
    private String code;

    private String name;

    /** 1 is the gravest. */
    private int rank;

    private String colour;

    protected Grade() {
    }

    Grade(String code, String name, int rank, String colour) {
        this.code = code;
        this.name = name;
        this.rank = rank;
        this.colour = colour;
    }

    /** 4.4: 特别重大 and 重大 carry the 5 h / 24 h clocks, the strictest sign-off and escalations that ignore quiet hours. */
    public static final int MAJOR_RANK = 2;
    /** 3.1.1: 特别重大 brings in the principal leader of the level. */
    public static final int ESPECIALLY_MAJOR_RANK = 1;

    public boolean majorOrAbove() {
        return rank <= MAJOR_RANK;
    }

    public String code() { return code; }
    public String name() { return name; }
    public int rank() { return rank; }
    public String colour() { return colour; }

    /** Bootstrap's badge class for the warning colour. */
    public String badge() {
        return switch (colour) {
            case "red" -> "text-bg-danger";
            case "orange" -> "grade-orange";
            case "yellow" -> "text-bg-warning";
            default -> "text-bg-primary";
        };
    }
}
