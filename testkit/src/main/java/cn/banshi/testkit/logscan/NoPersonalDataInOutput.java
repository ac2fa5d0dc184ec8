package cn.banshi.testkit.logscan;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every Jupiter test through extension auto-detection (enabled in the root pom's Surefire
 * configuration): a test whose run wrote a phone or ID number to stdout, stderr or the log fails, naming what it
 * wrote (masked). Class-level set-up and tear-down are checked after the class.
 */
public final class NoPersonalDataInOutput
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(NoPersonalDataInOutput.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        OutputScan.install();
        OutputScan.currentTest(context.getDisplayName());
        context.getStore(NS).put("classMark", OutputScan.mark());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        OutputScan.currentTest(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
        context.getStore(NS).put("mark", OutputScan.mark());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OutputScan.assertCleanSince(context.getStore(NS).get("mark", Integer.class));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        OutputScan.currentTest(context.getDisplayName() + " (class set-up or tear-down)");
        OutputScan.assertCleanSince(context.getStore(NS).get("classMark", Integer.class));
    }
}
