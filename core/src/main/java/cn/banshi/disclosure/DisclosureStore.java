package cn.banshi.disclosure;

import cn.banshi.records.YearDocumentTable;
import cn.banshi.records.YearDocuments;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's disclosure figures: one item, {@code pk = town#<town>#disclosure-figures}, {@code sk = <year>}. */
public final class DisclosureStore implements YearDocuments<DisclosureFigures> {
    static final String KIND = "disclosure-figures";
    private final YearDocumentTable documents;

    public DisclosureStore(DynamoDbClient dynamo) {
        this.documents = new YearDocumentTable(dynamo, KIND, "figures");
    }

    @Override
    public void put(String town, DisclosureFigures figures, String actor, Instant now) {
        documents.put(town, figures.year(), DisclosureFiguresJson.write(figures), actor, now);
    }

    @Override
    public Optional<DisclosureFigures> find(String town, int year) {
        return documents.find(town, year).map(DisclosureFiguresJson::read);
    }
}
