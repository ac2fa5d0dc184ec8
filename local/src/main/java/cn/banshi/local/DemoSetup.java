package cn.banshi.local;

import cn.banshi.api.AppContext;
import cn.banshi.demo.DemoCases;
import cn.banshi.demo.DemoLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On an empty data directory, {@code ./banshi up} loads the demo year (高塍镇 2021) once; a marker file
 * remembers it. Loading twice is harmless: demo tracking numbers are fixed, so items are overwritten.
 */
final class DemoSetup {
    static final String MARKER = "demo-loaded";

    private DemoSetup() {}

    static void ensureLoaded(AppContext app, Path data) throws IOException {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) return;
        System.err.println("banshi: 首次启动，正在载入演示数据（高塍镇 2021 年）/ loading the demo year…");
        var catalog = app.catalogs().town("gaocheng").orElseThrow();
        DemoLoader.Loaded loaded = DemoLoader.load(app.dynamo(), catalog, app.calendars().deadlines(), app.clock());
        StringBuilder note = new StringBuilder();
        note.append(String.format("载入 %d 件事项，用时 %.1f 秒（%.0f 件/秒，重试 %d 项）%n", loaded.result().items(),
                loaded.result().millis() / 1000.0, loaded.result().itemsPerSecond(), loaded.result().retried()));
        note.append("可试用的查询编号和查询码 / try tracking:\n");
        for (DemoCases.DemoCase sample : loaded.samples()) {
            note.append(String.format("  %s  %s  (%s)%n", sample.record().trackingNo(), sample.accessCode(), sample.record().title()));
        }
        Files.writeString(marker, note.toString());
        System.err.print(note);
    }
}
