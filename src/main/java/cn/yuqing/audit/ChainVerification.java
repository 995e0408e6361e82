package cn.yuqing.audit;

/**
 * The result of walking the chain: how many entries were checked and the first broken link, if any.
 * The walk starts after {@code archivedThroughSeq}, the last entry moved to an archive file (0: none).
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenSeq, String problem, String headHash,
        long archivedThroughSeq) {

    static ChainVerification intact(long checked, String headHash, long archivedThroughSeq) {
        return new ChainVerification(true, checked, null, null, headHash, archivedThroughSeq);
    }

    static ChainVerification broken(long checked, long seq, String problem, long archivedThroughSeq) {
        return new ChainVerification(false, checked, seq, problem, null, archivedThroughSeq);
    }
}
