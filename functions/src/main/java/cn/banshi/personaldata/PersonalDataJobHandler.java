package cn.banshi.personaldata;

import cn.banshi.api.AppContext;
import cn.banshi.api.ExecutionEnvironment;
import cn.banshi.logging.RequestIds;
import cn.banshi.personaldata.migration.PersonalDataMigration;
import cn.banshi.personaldata.migration.ProtectedTables;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The personal-data job (issue 18) in AWS: {@code {"action":"migrate"}} (the default; also the nightly schedule)
 * creates the first data key if there is none, then seals plaintext items and items under an older key version,
 * page by page, resuming where the last run stopped, until about a minute of the invocation is left; {@code
 * {"action":"rotate"}} makes a new key version current (then migrate re-encrypts). The answer says whether the
 * migration is done; run it again until it is. Once it is, the next run makes one more pass over every table and,
 * when that finds nothing left to seal, reads refuse plaintext from then on ({@code plaintextRefused}). Only this function may create data keys (kms:GenerateDataKey).
 */
public final class PersonalDataJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Pages per slice between checks of the time left. */
    private static final int SLICE = 20;

    private final AppContext app;
    private final PersonalDataMigration migration;

    /** Lambda's: the migration over the shared client, and nothing else. */
    public PersonalDataJobHandler() {
        this(ExecutionEnvironment.context());
    }

    public PersonalDataJobHandler(AppContext app) {
        this.app = app;
        this.migration = new PersonalDataMigration(
                app.dynamo(), app.personalData(), ProtectedTables.all(app.dynamo(), app.personalData()), app.clock());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        RequestIds.set(context == null ? "personal-data" : context.getAwsRequestId());
        try {
            Object action = input == null ? null : input.get("action");
            Map<String, Object> result = new LinkedHashMap<>();
            if ("rotate".equals(action)) {
                app.personalData().keys().ensure();
                result.put("version", app.personalData().keys().rotate());
            } else if (action == null || "migrate".equals(action)) {
                List<Map<String, Object>> tables = new ArrayList<>();
                List<PersonalDataMigration.Progress> last;
                do {
                    last = migration.run(SLICE);
                } while (!migration.done() && (context == null || context.getRemainingTimeInMillis() > 60_000));
                for (PersonalDataMigration.Progress p : last) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("table", p.table());
                    t.put("version", p.version());
                    t.put("scanned", p.scanned());
                    t.put("sealed", p.sealed());
                    t.put("done", p.done());
                    tables.add(t);
                }
                result.put("tables", tables);
                // once done: the pass that lets reads refuse plaintext (docs/personal-data.md), if time is left
                if (migration.done()
                        && !app.personalData().keys().plaintextRefused(migration.tables())
                        && (context == null || context.getRemainingTimeInMillis() > 300_000)) {
                    result.put("sealedByVerification", migration.verify());
                }
                result.put("plaintextRefused", app.personalData().keys().plaintextRefused(migration.tables()));
            } else {
                throw new IllegalArgumentException("action is migrate or rotate");
            }
            result.put("done", migration.done());
            return result;
        } finally {
            RequestIds.clear();
        }
    }
}
