package dev.framekit.demos.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A head's header fields in the order they came; names compare ignoring case. */
public final class Headers {
    /** One field: its name as sent, and its value with surrounding whitespace removed. */
    public record Field(String name, String value) {}

    private final List<Field> fields;

    Headers(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Every field, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** Every value of the fields named {@code name}, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    /** The first value named {@code name}, or null. */
    public String first(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * The comma-separated elements of every field named {@code name}, lower-cased and trimmed,
     * empty elements dropped: {@code Connection: keep-alive, Upgrade} gives [keep-alive, upgrade].
     */
    public List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (String value : all(name)) {
            for (String element : value.split(",", -1)) {
                String token = HeadSyntax.trimWhitespace(element).toLowerCase(Locale.ROOT);
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Whether a field named {@code name} lists {@code token} (ignoring case). */
    public boolean hasToken(String name, String token) {
        return tokens(name).contains(token.toLowerCase(Locale.ROOT));
    }
}
