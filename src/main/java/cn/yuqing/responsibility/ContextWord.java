package cn.yuqing.responsibility;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A matter word that describes the circumstances, not the matter (暴雨, 没人管): it never makes a unit responsible. */
@Entity
public class ContextWord {

    @Id
    private String word;

    private String note;

    private String addedBy;

    private Instant addedAt;

    protected ContextWord() {
    }

    ContextWord(String word, String note, String addedBy, Instant addedAt) {
        this.word = word;
        this.note = note;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public String word() { return word; }
    public String note() { return note; }
    public String addedBy() { return addedBy; }
    public Instant addedAt() { return addedAt; }
}
