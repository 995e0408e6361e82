package cn.yuqing.audit;

/** A place in the chain: an entry's sequence number and its hash (the head, the archive boundary). */
record ChainPoint(long seq, String hash) {
}
