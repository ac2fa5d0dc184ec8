package cn.banshi.personaldata;

import cn.banshi.cases.CaseRecord;

/**
 * The seam for the files attached to a case that hold personal data (photos, scans: the attachments feature, built
 * separately). The retention job and a granted deletion request call {@link #erase} before they write the erased case,
 * so a failure leaves the case unerased and the next run tries again; an implementation must therefore be idempotent
 * (erasing files already gone succeeds). {@link #NONE} is the build without attachments: a case has no files.
 */
@FunctionalInterface
public interface PersonalFiles {
    /** Removes (or overwrites) every file of {@code c} that holds personal data; idempotent. */
    void erase(CaseRecord c);

    /** No attachments exist in this build: nothing to erase. */
    PersonalFiles NONE = c -> {};
}
