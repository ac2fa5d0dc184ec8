package cn.banshi.demo;

import cn.banshi.calendar.ChinaTime;
import cn.banshi.calendar.Deadlines;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.StoredCases;
import cn.banshi.catalog.Catalog;
import cn.banshi.personaldata.PersonIndex;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.store.BulkLoader;
import cn.banshi.store.Tables;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Loads the demo year (and a few open cases of today) with the bulk loader. */
public final class DemoLoader {
    public static final int OPEN_CASES = 18;

    private DemoLoader() {}

    public record Loaded(BulkLoader.Result result, List<DemoCases.DemoCase> samples) {}

    public static Loaded load(DynamoDbClient dynamo, Catalog catalog, Deadlines deadlines, Clock clock) {
        DemoCases demo = new DemoCases(catalog, deadlines);
        List<DemoCases.DemoCase> open = demo.openCases(ChinaTime.today(clock), OPEN_CASES);
        Iterator<CaseRecord> year = demo.cases();
        StoredCases stored = new StoredCases(PersonalData.shared(dynamo));
        List<Map<String, AttributeValue>> people = Collections.synchronizedList(new ArrayList<>());
        Iterator<Map<String, AttributeValue>> items = new Iterator<>() {
            int openIndex;

            @Override
            public boolean hasNext() {
                return year.hasNext() || openIndex < open.size();
            }

            @Override
            public Map<String, AttributeValue> next() {
                CaseRecord record =
                        year.hasNext() ? year.next() : open.get(openIndex++).record();
                for (String beacon : stored.beacons(record)) {
                    people.add(PersonIndex.item(record.town(), beacon, record.trackingNo()));
                }
                return stored.toItem(record);
            }
        };
        BulkLoader.Result result = new BulkLoader(dynamo, 8).load(Tables.physical(Tables.CASES), items);
        new BulkLoader(dynamo, 8).load(Tables.physical(Tables.PEOPLE), people.iterator());
        return new Loaded(
                result, List.of(open.get(0), open.get(1), demo.samples(1).get(0)));
    }
}
