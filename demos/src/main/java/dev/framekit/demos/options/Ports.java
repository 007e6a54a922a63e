package dev.framekit.demos.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts --port values, refusing numbers outside 0-65535 as a usage error rather than a crash. */
final class Ports {
    private Ports() {}

    static int parse(String value, int lowest) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number");
        }
        if (port < lowest || port > 65535) {
            throw new TypeConversionException("port " + port + " is out of range; use " + lowest + " to 65535"
                    + (lowest == 0 ? " (0 picks a free port)" : ""));
        }
        return port;
    }

    /** A port to listen on: 0 to 65535, where 0 picks a free one. */
    static final class Listen implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 0);
        }
    }

    /** A port to connect to: 1 to 65535. */
    static final class Connect implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 1);
        }
    }
}
