package dev.framekit.framing.internal;

/** Prints which byte scan this JVM runs and the index it finds, for {@link ScanChoiceInChildJvmTest}'s child JVMs. */
public final class PrintScan {
    private PrintScan() {}

    public static void main(String[] args) {
        byte[] bytes = new byte[1000];
        bytes[777] = '\n';
        System.out.println(ByteSearch.best().describe().split(" ")[0] + " " + ByteSearch.best().indexOf(bytes, 0, 1000, (byte) '\n'));
    }
}
