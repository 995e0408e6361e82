package cn.yuqing.analysis;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An analyst's sentiment for an item: kept, and used to retrain the model on the county's language. */
@Entity
public class SentimentCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    @Enumerated(EnumType.STRING)
    private Sentiment label;

    private String text;

    private Long correctedBy;

    private Instant createdAt;

    protected SentimentCorrection() {
    }

    SentimentCorrection(Long itemId, Sentiment label, String text, Long correctedBy, Instant createdAt) {
        this.itemId = itemId;
        this.label = label;
        this.text = text;
        this.correctedBy = correctedBy;
        this.createdAt = createdAt;
    }

    public Sentiment label() { return label; }
    public String text() { return text; }
    public Long itemId() { return itemId; }
}
