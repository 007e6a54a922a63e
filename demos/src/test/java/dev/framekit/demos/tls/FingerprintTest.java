package dev.framekit.demos.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
    private static final String COLONS = "E9:0B:02:9B:1B:5E:A4:B7:89:08:E3:31:C9:2B:54:CA:D9:BE:A7:84:62:19:76:10:82:3C"
            + ":FD:46:62:7E:42:99";

    @ParameterizedTest
    @ValueSource(strings = {COLONS,
        "e9:0b:02:9b:1b:5e:a4:b7:89:08:e3:31:c9:2b:54:ca:d9:be:a7:84:62:19:76:10:82:3c:fd:46:62:7e:42:99",
        "e90b029b1b5ea4b78908e331c92b54cad9bea78462197610823cfd46627e4299",
        "  E90B029B1B5EA4B78908E331C92B54CAD9BEA78462197610823CFD46627E4299  "})
    void readsHexWithOrWithoutColonsInAnyCase(String text) {
        assertEquals(COLONS, Fingerprint.parse(text).toString());
        assertEquals(Fingerprint.parse(COLONS), Fingerprint.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "E9:0B", "E90B029B1B5EA4B78908E331C92B54CAD9BEA7846219761082 3CFD46627E4299",
        "zz0B029B1B5EA4B78908E331C92B54CAD9BEA78462197610823CFD46627E4299",
        "E90B029B1B5EA4B78908E331C92B54CAD9BEA78462197610823CFD46627E429900",
        "\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"
            + "\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"
            + "\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"
            + "\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"})
    void refusesWhatIsNotSixtyFourHexDigitsSayingWhatItExpects(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(text));
        assertTrue(e.getMessage().contains("expected 64 hex digits, with or without colons"), e.getMessage());
    }

    @Test
    void aCertificateMatchesItsOwnFingerprintOnly() throws Exception {
        SelfSignedCertificate one = SelfSignedCertificate.make("one");
        SelfSignedCertificate two = SelfSignedCertificate.make("two");
        assertTrue(Fingerprint.of(one.certificate()).matches(one.certificate()));
        assertFalse(Fingerprint.of(one.certificate()).matches(two.certificate()));
    }
}
