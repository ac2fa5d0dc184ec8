package cn.banshi.testkit.atrest;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every Jupiter test class through extension auto-detection (enabled in the root pom's Surefire
 * configuration, like the log scan): after the class, the raw items of every table it made with
 * {@link cn.banshi.testkit.LocalDynamo#freshTables()} are read with the plain SDK ({@link PlaintextScan}), and any
 * phone, ID number, credit code, e-mail address or name found in plaintext fails the class, naming the table, the
 * item's key and the attribute. A class that writes plaintext on purpose names those tables with
 * {@link PlaintextAtRest}.
 */
public final class NoPersonalDataAtRest implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoPersonalDataAtRest.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        TablesAtRest.currentTest(context.getRequiredTestClass().getSimpleName());
        context.getStore(NS).put("mark", TablesAtRest.mark());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TablesAtRest.currentTest(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        boolean nested =
                context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
        // a top-level class also scans what was made outside any class before it (static set-up, other engines)
        int mark = nested ? context.getStore(NS).get("mark", Integer.class) : 0;
        TablesAtRest.assertCleanSince(mark, skipped(context));
    }

    /** The tables named by {@link PlaintextAtRest} on the class or a class it is nested in. */
    private static Set<String> skipped(ExtensionContext context) {
        Set<String> tables = new TreeSet<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            c.getTestClass()
                    .map(t -> t.getAnnotation(PlaintextAtRest.class))
                    .ifPresent(optOut -> tables.addAll(Set.of(optOut.tables())));
        }
        return tables;
    }
}
