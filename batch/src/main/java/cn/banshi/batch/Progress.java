package cn.banshi.batch;

/** What a running report job tells whoever watches it (the CLI's progress bar). */
public interface Progress {
    /** {@code done} cases read of about {@code total} (0 when unknown). */
    void scanned(long done, long total);

    /** A phase begins: "扫描案件", "生成报告" … */
    void phase(String name);

    /** Whether to count the town's cases first for an exact total (one extra COUNT scan; a terminal wants it). */
    default boolean wantsTotal() {
        return false;
    }

    Progress NONE = new Progress() {
        @Override
        public void scanned(long done, long total) {}

        @Override
        public void phase(String name) {}
    };
}
