package cn.banshi.disclosure;

import cn.banshi.records.YearDocumentTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's disclosure figures: one item, {@code pk = town#<town>#disclosure-figures}, {@code sk = <year>}. */
public final class DisclosureStore extends YearDocumentTable<DisclosureFigures> {
    static final String KIND = "disclosure-figures";

    public DisclosureStore(DynamoDbClient dynamo) {
        super(
                dynamo,
                KIND,
                "figures",
                DisclosureFiguresJson::write,
                DisclosureFiguresJson::read,
                DisclosureFigures::year);
    }
}
