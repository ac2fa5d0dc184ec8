package cn.banshi.local.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up most page tests share: one web stack (the local gateway over dynalite and s3rver) for the class, one
 * Chromium on it and the API client beside it. Tests that need their own stack (another clock, fault injection) build
 * it themselves.
 */
abstract class OnWebStack {
    static WebStack stack;
    static Browser browser;
    static Api api;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        stack = WebStack.start();
        browser = Browser.start(stack.base);
        api = new Api(stack.base);
    }

    @AfterAll
    static void stopBrowserAndStack() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
        browser = null;
        stack = null;
    }
}
