package dev.framekit.demos.options;

import picocli.CommandLine.IVersionProvider;

/** {@code --version} on every command: the version from the jar's manifest. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"framekit " + (version == null ? "(development build)" : version)};
    }
}
