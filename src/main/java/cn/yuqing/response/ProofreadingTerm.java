package cn.yuqing.response;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.DomainRuleViolation;

/**
 * An entry of the lists the government office keeps for proofreading: a sensitive word, an
 * official no longer in office, or a former name of a unit (its note: the name in use now).
 */
@Entity
public class ProofreadingTerm {

    public enum Kind {
        SENSITIVE_WORD("敏感词"), FORMER_OFFICIAL("已不在任人员"), FORMER_UNIT_NAME("单位旧称");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String term;

    private String note;

    private String createdBy;

    private Instant createdAt;

    protected ProofreadingTerm() {
    }

    ProofreadingTerm(Kind kind, String term, String note, String createdBy, Instant now) {
        if (kind == null) {
            throw new DomainRuleViolation("请选择名单");
        }
        String t = term == null ? "" : term.strip();
        if (t.length() < 2 || t.length() > 50 || t.codePoints().anyMatch(Character::isWhitespace)) {
            throw new DomainRuleViolation("词语应为2至50个字，不含空格");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 200) {
            throw new DomainRuleViolation("说明不超过200字");
        }
        if (kind == Kind.FORMER_UNIT_NAME && n.isEmpty()) {
            throw new DomainRuleViolation("单位旧称须写明现用名称（填在说明中）");
        }
        this.kind = kind;
        this.term = t;
        this.note = n.isEmpty() ? null : n;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long id() { return id; }
    public Kind kind() { return kind; }
    public String term() { return term; }
    public String note() { return note; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public String createdAtText() { return cn.yuqing.shared.Times.format(createdAt); }
}
