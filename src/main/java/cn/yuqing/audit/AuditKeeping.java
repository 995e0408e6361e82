package cn.yuqing.audit;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The audit kept over time (等保 2.0 level 3): the daily task — entries past the retention period
 * archived, then the head anchored, so that the anchor covers the archiving's own entry — and what
 * the verification page says about both.
 */
@Service
class AuditKeeping {

    /** Beside the chain's verification: how long entries stay, where the live chain starts, the newest anchor. */
    record Status(long retentionDays, Path archiveDir, ChainPoint boundary, Optional<AuditArchive.Archived> lastArchive,
            Path anchorFile, Optional<AnchorCheck> anchor) {
    }

    private final AuditArchive archive;
    private final AuditAnchors anchors;
    private final AuditTrail trail;
    private final AuditKeepingSettings settings;

    AuditKeeping(AuditArchive archive, AuditAnchors anchors, AuditTrail trail, AuditKeepingSettings settings) {
        this.archive = archive;
        this.anchors = anchors;
        this.trail = trail;
        this.settings = settings;
    }

    void daily() {
        archive.archiveExpired();
        anchors.anchor(Anchor.DAILY);
    }

    Status status(ChainVerification chain) {
        return new Status(settings.retentionDays(), settings.archiveDir(), trail.archiveBoundary(),
                archive.list(1).stream().findFirst(), anchors.file(), anchors.latest().map(a -> anchors.check(a, chain)));
    }

    /** The digest that closes exported and archived files. */
    String algorithm() {
        return settings.exportDigest();
    }
}
