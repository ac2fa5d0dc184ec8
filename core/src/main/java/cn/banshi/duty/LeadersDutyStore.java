package cn.banshi.duty;

import cn.banshi.records.YearDocumentTable;
import cn.banshi.records.YearDocuments;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's section-三 inputs: one item, {@code pk = town#<town>#leaders-duty}, {@code sk = <year>}. */
public final class LeadersDutyStore implements YearDocuments<LeadersDuty> {
    static final String KIND = "leaders-duty";
    private final YearDocumentTable documents;

    public LeadersDutyStore(DynamoDbClient dynamo) {
        this.documents = new YearDocumentTable(dynamo, KIND, "duty");
    }

    @Override
    public void put(String town, LeadersDuty duty, String actor, Instant now) {
        documents.put(town, duty.year(), LeadersDutyJson.write(duty), actor, now);
    }

    @Override
    public Optional<LeadersDuty> find(String town, int year) {
        return documents.find(town, year).map(LeadersDutyJson::read);
    }
}
