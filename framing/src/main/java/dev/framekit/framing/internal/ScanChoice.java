package dev.framekit.framing.internal;

import java.util.Locale;

/** Which {@link ByteSearch} this process runs, decided once, when first asked. */
final class ScanChoice {
    static final ByteSearch VECTOR = loadVector();
    static final ByteSearch BEST = choose(System.getProperty(ByteSearch.PROPERTY, ""), VECTOR);

    private ScanChoice() {}

    /** {@code wanted} is the system property's value: {@code swar} picks SWAR; anything else the vector scan where there is one. */
    static ByteSearch choose(String wanted, ByteSearch vector) {
        if (wanted.trim().toLowerCase(Locale.ROOT).equals("swar") || vector == null) {
            return SwarByteSearch.INSTANCE;
        }
        return vector;
    }

    /**
     * The vector scan, loaded by name so that no class refers to it: a JVM without the module
     * never loads it (its constant pool names jdk.incubator.vector types, which would not resolve).
     */
    private static ByteSearch loadVector() {
        if (ModuleLayer.boot().findModule(ByteSearch.VECTOR_MODULE).isEmpty()) {
            return null;
        }
        try {
            return (ByteSearch) Class.forName(ScanChoice.class.getPackageName() + ".VectorByteSearch")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // registers too narrow to gain (the constructor refuses), or a module of another shape: SWAR does the job
            return null;
        }
    }
}
