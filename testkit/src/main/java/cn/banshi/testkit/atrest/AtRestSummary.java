package cn.banshi.testkit.atrest;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Registered through META-INF/services: prints what the scans of the raw tables read and how long they took. */
public final class AtRestSummary implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String summary = TablesAtRest.summary();
        if (summary != null) System.out.println(summary);
    }
}
