package cn.banshi.staff;

import cn.banshi.validation.Fields;

/**
 * A staff member's action on a case: its code, the version they saw, and the action's own arguments. The arguments
 * stay a {@link Fields} parser because which fields an action takes, and what is valid, depends on the case's state
 * (its workflow parses them); the handler has already parsed {@code action} and {@code expectedVersion}.
 */
public record CaseActionRequest(String action, long expectedVersion, Fields arguments) {
    public static CaseActionRequest parse(Fields body) {
        String action = body.requiredString("action", 1, 40);
        long expected = body.requiredInt("expectedVersion", 1, Integer.MAX_VALUE);
        return new CaseActionRequest(action, expected, body);
    }
}
