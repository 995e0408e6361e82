package cn.yuqing.audit;

/** The result of walking the chain: how many entries were checked and the first broken link, if any. */
public record ChainVerification(boolean intact, long checked, Long firstBrokenSeq, String problem, String headHash) {

    static ChainVerification intact(long checked, String headHash) {
        return new ChainVerification(true, checked, null, null, headHash);
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem, null);
    }
}
