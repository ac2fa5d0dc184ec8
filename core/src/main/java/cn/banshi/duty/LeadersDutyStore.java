package cn.banshi.duty;

import cn.banshi.records.YearDocumentTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's section-三 inputs: one item, {@code pk = town#<town>#leaders-duty}, {@code sk = <year>}. */
public final class LeadersDutyStore extends YearDocumentTable<LeadersDuty> {
    static final String KIND = "leaders-duty";

    public LeadersDutyStore(DynamoDbClient dynamo) {
        super(dynamo, KIND, "duty", LeadersDutyJson::write, LeadersDutyJson::read, LeadersDuty::year);
    }
}
