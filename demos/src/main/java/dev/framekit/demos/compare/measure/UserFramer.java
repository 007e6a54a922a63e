package dev.framekit.demos.compare.measure;

import dev.framekit.demos.options.Framing;
import dev.framekit.framing.Framer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code compare --framer-jar my.jar --framer com.example.MyFramer}: the user's own
 * {@link Framer}, loaded from their jar and run through the same comparison, with the same
 * verification, as framekit's own framers.
 *
 * <p>The class must be public and implement {@link Framer}, made either by a <b>public no-arg
 * constructor</b> or, failing that, by its <b>one public static no-arg method that returns a
 * {@code Framer}</b> (e.g. {@code public static Framer create()}). The same instance carries
 * every message size, so it must accept the workload's messages (printable ASCII letters and
 * digits, at every {@code --sizes} size). Its row is named after the class's simple name.
 */
public final class UserFramer {
    private UserFramer() {}

    /** The contender for {@code className} in {@code jar}; an IllegalArgumentException says what is wrong. */
    public static Contender load(Path jar, String className) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--framer-jar " + jar + ": no such file");
        }
        Framer framer;
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, UserFramer.class.getClassLoader());
            framer = instantiate(Class.forName(className, true, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--framer " + className + ": no such class in " + jar);
        } catch (IOException | LinkageError e) {
            throw new IllegalArgumentException("--framer " + className + ": cannot load it from " + jar + ": " + e);
        }
        String name = className.substring(className.lastIndexOf('.') + 1);
        // A user's framer runs on one persistent connection, as every framing but send-and-close
        // does; a framer whose encoder finishes after one message is refused by that encoder.
        return new Yours(new FramerContender(name, size -> framer));
    }

    private static Framer instantiate(Class<?> type) {
        String what = "--framer " + type.getName();
        if (!Framer.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(what + ": does not implement " + Framer.class.getName());
        }
        try {
            try {
                Constructor<?> constructor = type.getConstructor();
                return (Framer) constructor.newInstance();
            } catch (NoSuchMethodException none) {
                List<Method> factories = Arrays.stream(type.getMethods())
                        .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                                && Framer.class.isAssignableFrom(m.getReturnType()))
                        .toList();
                if (factories.size() != 1) {
                    throw new IllegalArgumentException(what + ": needs a public no-arg constructor or exactly one public"
                            + " static no-arg method returning a Framer (found " + factories.size() + ")");
                }
                Framer framer = (Framer) factories.get(0).invoke(null);
                if (framer == null) {
                    throw new IllegalArgumentException(what + ": " + factories.get(0).getName() + "() returned null");
                }
                return framer;
            }
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(what + ": making it threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(what + ": cannot make one: " + e);
        }
    }

    /** The user's framer, measured like framekit's but marked as theirs. */
    private record Yours(Contender inner) implements Contender {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public boolean baseline() {
            return false;
        }

        @Override
        public Result.Kind kind() {
            return Result.Kind.USER;
        }

        @Override
        public Framer framer(int size) {
            return inner.framer(size);
        }

        @Override
        public Qualities qualities(int size) {
            return inner.qualities(size);
        }

        @Override
        public StreamRun stream(Workload workload, Budget budget) throws Exception {
            return inner.stream(workload, budget);
        }

        @Override
        public LatencyRun pingPong(Workload workload, int roundTrips) throws Exception {
            return inner.pingPong(workload, roundTrips);
        }
    }
}
