package cn.banshi.testkit.contract;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Registered through META-INF/services: prints how many API exchanges were checked against the contract. */
public final class ContractSummary implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (ApiContract.checked() > 0) System.out.println(ApiContract.summary());
    }
}
