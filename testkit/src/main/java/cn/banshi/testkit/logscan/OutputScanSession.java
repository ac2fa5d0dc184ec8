package cn.banshi.testkit.logscan;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Registered through META-INF/services: installs {@link OutputScan} when a test JVM's launcher session opens. */
public final class OutputScanSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OutputScan.install();
    }
}
