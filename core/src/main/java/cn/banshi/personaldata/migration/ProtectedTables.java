package cn.banshi.personaldata.migration;

import cn.banshi.cases.CaseItems;
import cn.banshi.cases.CaseRecord;
import cn.banshi.cases.StoredCases;
import cn.banshi.personaldata.PersonIndex;
import cn.banshi.personaldata.PersonalData;
import cn.banshi.personaldata.ProtectedAttributes;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables the migration and the re-encryption seal, and how: what {@code ./banshi} and the AWS function run. */
public final class ProtectedTables {
    private ProtectedTables() {}

    public static List<Reseal> all(DynamoDbClient dynamo, PersonalData personalData) {
        StoredCases stored = new StoredCases(personalData);
        PersonIndex people = new PersonIndex(dynamo);
        return List.of(
                new Reseal(ProtectedAttributes.CASES, "version", clear -> {
                    CaseRecord record = CaseItems.fromItem(clear);
                    people.index(record.town(), record.trackingNo(), stored.beacons(record));
                }),
                new Reseal(ProtectedAttributes.MESSAGES, "state", clear -> {}),
                new Reseal(ProtectedAttributes.STAFF, "updatedAt", clear -> {}));
    }

    public static PersonalDataMigration migration(DynamoDbClient dynamo, Clock clock) {
        PersonalData personalData = PersonalData.shared(dynamo);
        return new PersonalDataMigration(dynamo, personalData, all(dynamo, personalData), clock);
    }
}
