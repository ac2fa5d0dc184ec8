package cn.banshi.local;

import cn.banshi.api.AppContext;
import cn.banshi.logging.Log;
import cn.banshi.notifications.DispatchSettings;
import cn.banshi.notifications.Dispatcher;
import cn.banshi.notifications.EmailSender;
import cn.banshi.notifications.LocalOutbox;
import cn.banshi.notifications.SmtpEmailSender;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The message dispatcher inside {@code ./banshi up}: every few seconds (a minute in AWS) over every town, SMS and
 * e-mail to the readable outbox file {@code <data>/outbox/messages.txt} (e-mail to an SMTP server instead with
 * {@code BANSHI_EMAIL=smtp:host:port}).
 */
final class LocalDispatch implements AutoCloseable {
    private static final Log LOG = Log.get(LocalDispatch.class);
    static final long PERIOD_SECONDS = 5;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "banshi-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final Path file;

    LocalDispatch(AppContext app, Path data, String siteUrl) {
        this.file = outboxFile(data);
        LocalOutbox outbox = new LocalOutbox(file, app.clock());
        String smtp = System.getenv("BANSHI_EMAIL");
        EmailSender email = outbox;
        if (smtp != null && smtp.startsWith("smtp:")) {
            String[] hostPort = smtp.substring(5).split(":");
            email = new SmtpEmailSender(hostPort[0], Integer.parseInt(hostPort[1]), app.clock());
        }
        Dispatcher dispatcher =
                app.dispatcher(outbox, email, DispatchSettings.fromEnvironment().withSiteUrl(siteUrl));
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        dispatcher.run(app.catalogs().townIds());
                    } catch (RuntimeException e) {
                        LOG.warn("dispatch failed", "error", e.getClass().getSimpleName());
                    }
                },
                1,
                PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The readable outbox of a data directory. */
    static Path outboxFile(Path data) {
        return data.resolve("outbox").resolve("messages.txt");
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
