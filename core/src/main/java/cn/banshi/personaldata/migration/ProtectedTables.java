package cn.banshi.personaldata.migration;

import cn.banshi.cases.Personal;
import cn.banshi.cases.PersonalItems;
import cn.banshi.cases.StoredCases;
import cn.banshi.personaldata.DataRequestStore;
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
                new Reseal(ProtectedAttributes.CASES, "version", List.of("town"), clear -> {
                    String town = clear.get("town").s();
                    Personal personal = PersonalItems.fromAttribute(clear.get("personal"));
                    people.index(town, clear.get("pk").s(), stored.beacons(town, personal));
                }),
                new Reseal(ProtectedAttributes.MESSAGES, "state", List.of(), clear -> {}),
                new Reseal(ProtectedAttributes.STAFF, "updatedAt", List.of(), clear -> {}),
                new Reseal(
                        ProtectedAttributes.DATA_REQUESTS, "state", List.of(), clear -> {}, DataRequestStore::holds));
    }

    public static PersonalDataMigration migration(DynamoDbClient dynamo, Clock clock) {
        PersonalData personalData = PersonalData.shared(dynamo);
        return new PersonalDataMigration(dynamo, personalData, all(dynamo, personalData), clock);
    }
}
