package cn.yuqing.analysis;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The topics an analyst says an item belongs to (possibly none): kept, and learnt from. */
@Entity
public class TopicCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    private String schemeIds;

    private String text;

    private Long correctedBy;

    private Instant createdAt;

    protected TopicCorrection() {
    }

    TopicCorrection(Long itemId, Set<Long> schemes, String text, Long correctedBy, Instant createdAt) {
        this.itemId = itemId;
        this.schemeIds = schemes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        this.text = text;
        this.correctedBy = correctedBy;
        this.createdAt = createdAt;
    }

    public Long itemId() { return itemId; }
    public String text() { return text; }
    public Set<Long> schemes() {
        return schemeIds.isBlank() ? Set.of() : Arrays.stream(schemeIds.split(",")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
