package cn.yuqing.shared;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fields of a JSON call's body, read with a Chinese reason for each wrong one: the same words
 * whichever module's API refuses it.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : String.valueOf(v);
    }

    /** A record's number, required. */
    public static Long id(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof Number n)) {
            throw new DomainRuleViolation(field + " 应为编号（整数）");
        }
        return n.longValue();
    }

    /** A record's number, or null where the field is absent. */
    public static Long optionalId(Map<String, Object> body, String field) {
        return body.get(field) == null ? null : id(body, field);
    }

    /** One of an enumeration's names; {@code absent} where the field is missing (null: required). */
    public static <E extends Enum<E>> E choice(Map<String, Object> body, String field, Class<E> type, E absent) {
        Object v = body.get(field);
        if (v == null && absent != null) {
            return absent;
        }
        try {
            return Enum.valueOf(type, String.valueOf(v));
        } catch (IllegalArgumentException e) {
            String[] names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
            String allowed = names.length == 1 ? names[0] : Arrays.stream(names, 0, names.length - 1)
                    .collect(Collectors.joining("、")) + " 或 " + names[names.length - 1];
            throw new DomainRuleViolation(field + " 应为 " + allowed);
        }
    }
}
