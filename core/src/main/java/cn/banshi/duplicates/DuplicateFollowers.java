package cn.banshi.duplicates;

import cn.banshi.cases.CaseRecord;

/**
 * Makes the filer of a merged duplicate a follower of the original (they get its public updates) and undoes it. The
 * change is part of the original's next version, written in the same conditional write as the link.
 */
public interface DuplicateFollowers {

    /** {@code original} with the duplicate's filer following it. */
    CaseRecord follow(CaseRecord original, CaseRecord duplicate);

    /** {@code original} without the duplicate's filer among its followers. */
    CaseRecord unfollow(CaseRecord original, CaseRecord duplicate);

    /** No followers (until following a case exists). */
    DuplicateFollowers NONE = new DuplicateFollowers() {
        @Override
        public CaseRecord follow(CaseRecord original, CaseRecord duplicate) {
            return original;
        }

        @Override
        public CaseRecord unfollow(CaseRecord original, CaseRecord duplicate) {
            return original;
        }
    };
}
