package cn.banshi.local;

import cn.banshi.accounts.StaffProfile;
import cn.banshi.api.AppContext;
import cn.banshi.auth.Role;
import cn.banshi.batch.Progress;
import cn.banshi.batch.ReportJobs;
import cn.banshi.demo.DemoCases;
import cn.banshi.demo.DemoInputs;
import cn.banshi.demo.DemoLoader;
import cn.banshi.reports.ReportFormat;
import cn.banshi.reports.ReportKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * On an empty data directory, {@code ./banshi up} loads the demo year (高塍镇 2021) once, with the staff
 * inputs of that year, and runs the three report jobs for it; a marker file remembers it. Loading twice is harmless: demo tracking numbers are fixed, so items are overwritten.
 */
final class DemoSetup {
    static final String MARKER = "demo-loaded";

    private DemoSetup() {}

    static void ensureLoaded(AppContext app, Path data) throws IOException {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) return;
        System.err.println("banshi: 首次启动，正在载入演示数据（高塍镇 2021 年）/ loading the demo year…");
        var catalog = app.catalogs().town("gaocheng").orElseThrow();
        DemoLoader.Loaded loaded =
                DemoLoader.load(app.dynamo(), catalog, app.calendars().deadlines(), app.clock());
        StringBuilder note = new StringBuilder();
        note.append(String.format(
                "载入 %d 件事项，用时 %.1f 秒（%.0f 件/秒，重试 %d 项）%n",
                loaded.result().items(),
                loaded.result().millis() / 1000.0,
                loaded.result().itemsPerSecond(),
                loaded.result().retried()));
        note.append("可试用的查询编号和查询码 / try tracking:\n");
        for (DemoCases.DemoCase sample : loaded.samples()) {
            note.append(String.format(
                    "  %s  %s  (%s)%n",
                    sample.record().trackingNo(),
                    sample.accessCode(),
                    sample.record().title()));
        }
        demoStaff(app);
        DemoInputs.load(
                "gaocheng",
                app.activities(),
                app.planItems(),
                app.disclosure(),
                app.leadersDuty(),
                app.clock().instant());
        note.append("演示年度报告 / demo reports:\n");
        try (ReportJobs jobs = ReportJobs.open(app.dynamo(), ReportJobs.Settings.of(data), app.clock())) {
            for (ReportKind kind : ReportKind.values()) {
                ReportJobs.Result result = jobs.run(
                        kind, "gaocheng", DemoCases.YEAR, EnumSet.allOf(ReportFormat.class), null, null, Progress.NONE);
                Path dir = data.resolve("reports")
                        .resolve("gaocheng")
                        .resolve(Integer.toString(DemoCases.YEAR))
                        .resolve(kind.code());
                note.append(String.format("  %s %s: %s%n", kind.nameZh(), result.status(), dir.toAbsolutePath()));
            }
        }
        Files.writeString(marker, note.toString());
        System.err.print(note);
    }

    /**
     * The daily digest's demo recipients are staff accounts: the first run's town admin gets an e-mail address, and a
     * village staff member of 梅家渡村 with a phone is created (its temporary password printed once, never stored).
     */
    private static void demoStaff(AppContext app) {
        var management = app.staffManagement();
        app.staffAccounts().find("admin.gaocheng").ifPresent(admin -> {
            if (admin.email() == null)
                management.update(
                        admin,
                        new StaffProfile(
                                admin.role(),
                                admin.village(),
                                admin.displayName(),
                                admin.phone(),
                                "admin@gaocheng.example"),
                        null);
        });
        if (app.staffAccounts().find("zhou.min").isEmpty()) {
            var created = management.create(
                    "gaocheng",
                    "zhou.min",
                    new StaffProfile(Role.VILLAGE_STAFF, "meijiadu", "周敏", "13800000001", null),
                    null);
            created.temporaryPassword()
                    .ifPresent(password -> System.err.printf(
                            "演示村居工作人员 / demo village staff: 用户名 %s  临时密码 %s%n",
                            created.account().username(), password));
        }
    }
}
