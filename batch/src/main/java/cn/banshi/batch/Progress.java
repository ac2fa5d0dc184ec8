package cn.banshi.batch;

/** What a running report job tells whoever watches it (the CLI's progress bar). */
public interface Progress {
    /** {@code done} cases read of about {@code total} (0 when unknown). */
    void scanned(long done, long total);

    /** A phase begins: "扫描案件", "生成报告" … */
    void phase(String name);

    Progress NONE = new Progress() {
        @Override
        public void scanned(long done, long total) {}

        @Override
        public void phase(String name) {}
    };
}
