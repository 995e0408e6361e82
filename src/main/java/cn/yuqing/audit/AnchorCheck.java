package cn.yuqing.audit;

/** Whether the live chain still leads to an anchored head: the same hash at the same number. */
record AnchorCheck(Anchor anchor, Finding finding, String explanation) {

    enum Finding {
        /** The entry of that number still has that hash. */
        CONFIRMED,
        /** The entry is there with another hash: the chain was rewritten since. */
        REWRITTEN,
        /** The entry is gone from the chain (deleted, or the database set back to before it). */
        MISSING,
        /** The chain breaks before that entry, so the verification page already reports a fault. */
        UNCONFIRMED,
        /** The entry was archived: checked offline, against the archive file. */
        ARCHIVED
    }

    public boolean confirmed() {
        return finding == Finding.CONFIRMED;
    }

    /** A finding that needs someone to act, not just to know. */
    public boolean alarming() {
        return finding == Finding.REWRITTEN || finding == Finding.MISSING;
    }
}
