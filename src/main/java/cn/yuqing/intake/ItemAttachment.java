package cn.yuqing.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.FileStore;

/** A screenshot, a photo of a letter, a PDF: stored on disk by its content hash. */
@Entity
public class ItemAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    /** As uploaded, for display only; never used as a path. */
    private String fileName;

    private String contentType;

    private long sizeBytes;

    private String sha256;

    protected ItemAttachment() {
    }

    ItemAttachment(Long itemId, FileStore.Stored stored) {
        this.itemId = itemId;
        this.fileName = stored.fileName();
        this.contentType = stored.contentType();
        this.sizeBytes = stored.size();
        this.sha256 = stored.sha256();
    }

    public Long id() { return id; }
    public Long itemId() { return itemId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public boolean image() { return contentType.startsWith("image/"); }
}
