package cn.yuqing.response;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import cn.yuqing.shared.FileStore;

/** A file published with a release (4.4): a photo, the signed PDF. Its bytes are in the {@link FileStore}. */
@Entity
public class ReleaseAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long releaseId;

    private String fileName;

    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    private String addedBy;

    private Instant addedAt;

    protected ReleaseAttachment() {
    }

    ReleaseAttachment(Long releaseId, FileStore.Stored stored, String by, Instant at) {
        this.releaseId = releaseId;
        this.fileName = stored.fileName();
        this.contentType = stored.contentType();
        this.size = stored.size();
        this.sha256 = stored.sha256();
        this.addedBy = by;
        this.addedAt = at;
    }

    public Long id() { return id; }
    public Long releaseId() { return releaseId; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long size() { return size; }
    public String sizeText() { return size < 1024 * 1024 ? Math.max(1, size / 1024) + " KB" : String.format("%.1f MB", size / 1048576.0); }
    String sha256() { return sha256; }
}
