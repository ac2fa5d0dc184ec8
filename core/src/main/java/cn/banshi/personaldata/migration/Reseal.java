package cn.banshi.personaldata.migration;

import cn.banshi.personaldata.ProtectedAttributes;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table the migration seals: its protected attributes, the attribute a concurrent write changes (the optimistic
 * lock the conditional put checks; {@code null}: the protected attributes themselves), and what to do with each
 * item once sealed (the cases file their beacons in the people index).
 */
public record Reseal(
        ProtectedAttributes attributes, String lockAttribute, Consumer<Map<String, AttributeValue>> afterSeal) {}
